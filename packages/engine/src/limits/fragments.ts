/**
 * The memo behind every linear measure of a document: a value per named fragment, computed once
 * and reused at every spread, so a document whose spreads double fragment after fragment is
 * measured in time proportional to its text.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** The names a selection set spreads, at any depth (repeats included). */
function spreadsIn(set: SelectionSetNode): string[] {
  const names: string[] = [];
  const sets = [set];
  for (let current = sets.pop(); current; current = sets.pop()) {
    for (const selection of current.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) names.push(selection.name.value);
      else if (selection.selectionSet) sets.push(selection.selectionSet);
    }
  }
  return names;
}

/**
 * A lookup by fragment name: `compute(definition)` once, then its result. Fragments are computed
 * after the fragments they spread, in an order found with a stack of its own, so `compute` finds
 * every spread it meets already computed and never recurses from one fragment into the next (a
 * chain of thousands of fragments would otherwise overflow the call stack). An unknown name gets
 * `none`, and so does a spread of a fragment whose computation it is part of (a cycle, which
 * validation refuses), so a cyclic document still ends.
 */
export function perFragment<T>(document: DocumentNode, compute: (definition: FragmentDefinitionNode) => T, none: T): (name: string) => T {
  const definitions = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) definitions.set(definition.name.value, definition);
  const computed = new Map<string, T>();
  const started = new Set<string>();
  return (name) => {
    if (computed.has(name)) return computed.get(name)!;
    if (started.has(name) || !definitions.has(name)) return none;
    const stack: Array<{ definition: FragmentDefinitionNode; spreads: string[] }> = [];
    const start = (definition: FragmentDefinitionNode) => {
      started.add(definition.name.value);
      stack.push({ definition, spreads: spreadsIn(definition.selectionSet) });
    };
    start(definitions.get(name)!);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const spread = top.spreads.pop();
      if (spread === undefined) {
        stack.pop();
        computed.set(top.definition.name.value, compute(top.definition));
        continue;
      }
      const definition = definitions.get(spread);
      if (definition && !started.has(spread)) start(definition);
    }
    return computed.get(name)!;
  };
}
