/**
 * The query depth limit (contract LIM-03) as a validation rule: an operation nested deeper than
 * the limit is rejected before any resolver runs, with a `ValidationError`. Root fields are depth
 * 1; fragments count where they are spread; `__typename` does not count. AppSync's setting
 * (`queryDepthLimit`, 1..75, 0 or unset = no limit) is off by default, and so is ours.
 */
import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/** The largest depth AppSync accepts for `queryDepthLimit`. */
export const MAX_QUERY_DEPTH_LIMIT = 75;

/** Depth of a selection set; each named fragment is followed once per path, so cycles cannot loop. */
function depthOf(set: SelectionSetNode | undefined, context: ValidationContext, seen: ReadonlySet<string>): number {
  let deepest = 0;
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === '__typename') continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, context, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, context, seen));
    } else if (!seen.has(selection.name.value)) {
      const fragment = context.getFragment(selection.name.value);
      if (fragment) deepest = Math.max(deepest, depthOf(fragment.selectionSet, context, new Set([...seen, selection.name.value])));
    }
  }
  return deepest;
}

/** A validation rule rejecting operations deeper than `limit` (1..75). */
export function queryDepthLimitRule(limit: number): ValidationRule {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_DEPTH_LIMIT) {
    throw new Error(`queryDepthLimit must be an integer from 1 to ${MAX_QUERY_DEPTH_LIMIT}, got ${limit}`);
  }
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const depth = depthOf(operation.selectionSet, context, new Set());
      if (depth > limit) {
        context.reportError(new GraphQLError(`Query depth ${depth} exceeds the limit of ${limit}`, { nodes: operation }));
      }
    },
  });
}
