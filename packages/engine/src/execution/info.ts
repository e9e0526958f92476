/** `ctx.info` from graphql-js's resolve info (contract CTX-05). */
import type { Info } from '@aws-appsync/utils';
import {
  Kind,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
  print,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** Whether a fragment on `condition` contributes to the list under a field of type `parent`. */
function fragmentApplies(parent: GraphQLNamedType, condition: string | undefined): boolean {
  // On an interface or union, AppSync lists only the fields of the abstract type itself.
  return condition === undefined || !isAbstractType(parent) || condition === parent.name;
}

/**
 * Field paths under the current field, `parent/child`; aliased fields by alias; fragments expanded;
 * under an interface or union only what is selected on the abstract type itself; no `__typename`.
 */
function selectionList(info: GraphQLResolveInfo): string[] {
  const out = new Set<string>();
  // A fragment spread again under the same path and type adds nothing new: followed once.
  const followed = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, prefix: string, parent: GraphQLNamedType) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        if (selection.name.value.startsWith('__')) continue;
        const path = prefix ? `${prefix}/${name}` : name;
        out.add(path);
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (field && selection.selectionSet) visit(selection.selectionSet, path, getNamedType(field.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (fragmentApplies(parent, selection.typeCondition?.name.value)) visit(selection.selectionSet, prefix, parent);
      } else {
        const key = `${selection.name.value} ${parent.name} ${prefix}`;
        const fragment = followed.has(key) ? undefined : info.fragments[selection.name.value];
        followed.add(key);
        if (fragment && fragmentApplies(parent, fragment.typeCondition.name.value)) visit(fragment.selectionSet, prefix, parent);
      }
    }
  };
  const returnType = getNamedType(info.returnType);
  for (const node of info.fieldNodes) visit(node.selectionSet, '', returnType);
  return [...out];
}

/** The selection set as GraphQL text: named fragments stay spreads, inline fragments are kept. */
function selectionGraphQL(info: GraphQLResolveInfo): string {
  const selections = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  return selections.length === 0 ? '' : print({ kind: Kind.SELECTION_SET, selections });
}

/** `ctx.info`; `selectionSetList`/`selectionSetGraphQL` are lazy and non-enumerable, as on AppSync. */
export function buildInfo(info: GraphQLResolveInfo): Info {
  const result = {
    fieldName: info.fieldName,
    parentTypeName: info.parentType.name,
    variables: info.variableValues,
  } as Info;
  let list: string[] | undefined;
  let text: string | undefined;
  Object.defineProperties(result, {
    selectionSetList: { enumerable: false, get: () => (list ??= selectionList(info)) },
    selectionSetGraphQL: { enumerable: false, get: () => (text ??= selectionGraphQL(info)) },
  });
  return result;
}

/** `info` of a Direct Lambda event: every property enumerable, as in the JSON AppSync sends. */
export function lambdaEventInfo(info: GraphQLResolveInfo) {
  return {
    selectionSetList: selectionList(info),
    selectionSetGraphQL: selectionGraphQL(info),
    parentTypeName: info.parentType.name,
    fieldName: info.fieldName,
    variables: { ...info.variableValues },
  };
}
