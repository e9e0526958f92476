/** `ctx.info` from graphql-js's resolve info (contract CTX-05). */
import type { Info } from '@aws-appsync/utils';
import { Kind, print, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode, isAbstractType, getNamedType } from 'graphql';

/** Field paths under the current field, `parent/child`, aliases by alias, fragments expanded. */
function selectionList(info: GraphQLResolveInfo): string[] {
  const out: string[] = [];
  const abstract = isAbstractType(getNamedType(info.returnType));
  const visit = (set: SelectionSetNode | undefined, prefix: string, topLevel: boolean) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.alias?.value ?? selection.name.value;
        if (name.startsWith('__')) continue;
        const path = prefix ? `${prefix}/${name}` : name;
        if (!out.includes(path)) out.push(path);
        visit(selection.selectionSet, path, false);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        // On an interface or union, AppSync lists only the fields of the abstract type itself.
        if (topLevel && abstract && selection.typeCondition) continue;
        visit(selection.selectionSet, prefix, topLevel);
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment) continue;
        if (topLevel && abstract && fragment.typeCondition.name.value !== getNamedType(info.returnType).name) continue;
        visit(fragment.selectionSet, prefix, topLevel);
      }
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, '', true);
  return out;
}

function selectionGraphQL(nodes: readonly FieldNode[]): string {
  return nodes
    .map((node) => (node.selectionSet ? print(node.selectionSet) : ''))
    .filter(Boolean)
    .join('\n');
}

/** `selectionSetList`/`selectionSetGraphQL` are lazy and non-enumerable, as on AppSync. */
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
    selectionSetGraphQL: { enumerable: false, get: () => (text ??= selectionGraphQL(info.fieldNodes)) },
  });
  return result;
}
