/** The `data` of an error entry (EXE-09): the resolver's value filtered through the field's selection set, as on AppSync. */
import { Kind, type FragmentDefinitionNode, type SelectionNode } from 'graphql';

/**
 * `value` with only what `selections` ask for, under their response keys. Fields are collected as
 * graphql-js collects them: selections of one response key are merged, and a named fragment is
 * followed once per level, however often it is spread.
 */
export function errorData(value: unknown, selections: readonly SelectionNode[], fragments: Record<string, FragmentDefinitionNode>): unknown {
  if (Array.isArray(value)) return value.map((item) => errorData(item, selections, fragments));
  if (value === null || typeof value !== 'object' || selections.length === 0) return value;
  const source = value as Record<string, unknown>;
  const fields = new Map<string, { name: string; selections: SelectionNode[] }>();
  const followed = new Set<string>();
  const collect = (nodes: readonly SelectionNode[]) => {
    for (const node of nodes) {
      if (node.kind === Kind.FIELD) {
        const key = node.alias?.value ?? node.name.value;
        const field = fields.get(key) ?? { name: node.name.value, selections: [] };
        field.selections.push(...(node.selectionSet?.selections ?? []));
        fields.set(key, field);
      } else if (node.kind === Kind.INLINE_FRAGMENT) {
        collect(node.selectionSet.selections);
      } else if (!followed.has(node.name.value)) {
        followed.add(node.name.value);
        const fragment = fragments[node.name.value];
        if (fragment) collect(fragment.selectionSet.selections);
      }
    }
  };
  collect(selections);
  const out: Record<string, unknown> = {};
  for (const [key, field] of fields) if (field.name in source) out[key] = errorData(source[field.name], field.selections, fragments);
  return out;
}
