/**
 * The query depth limit (contract LIM-03) as a validation rule: an operation nested deeper than
 * the limit is rejected before any resolver runs, with a `ValidationError`. Root fields are depth
 * 1; fragments count where they are spread; `__typename` does not count. AppSync's setting
 * (`queryDepthLimit`, 1..75, 0 or unset = no limit) is off by default, and so is ours.
 */
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import { measureOperations } from './measure';

/** The largest depth AppSync accepts for `queryDepthLimit`. */
export const MAX_QUERY_DEPTH_LIMIT = 75;

/** A validation rule rejecting operations deeper than `limit` (1..75). */
export function queryDepthLimitRule(limit: number): ValidationRule {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_DEPTH_LIMIT) {
    throw new Error(`queryDepthLimit must be an integer from 1 to ${MAX_QUERY_DEPTH_LIMIT}, got ${limit}`);
  }
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      // The budgets' measure: each fragment measured once, however often it is spread.
      const depth = measureOperations(context.getDocument()).operations.get(operation)?.depth ?? 0;
      if (depth > limit) {
        context.reportError(new GraphQLError(`Query depth ${depth} exceeds the limit of ${limit}`, { nodes: operation }));
      }
    },
  });
}
