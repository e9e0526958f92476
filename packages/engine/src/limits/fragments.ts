/**
 * The memo behind every linear measure of a document: a value per named fragment, computed the
 * first time the fragment is spread and reused at every later spread, so a document whose spreads
 * double fragment after fragment is measured in time proportional to its text.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/**
 * A lookup by fragment name: `compute(definition)` on first use, then its result. An unknown name
 * gets `none`, and so does a spread met while its own fragment is being computed (a cycle, which
 * validation refuses), so a cyclic document still ends.
 */
export function perFragment<T>(document: DocumentNode, compute: (definition: FragmentDefinitionNode) => T, none: T): (name: string) => T {
  const definitions = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) definitions.set(definition.name.value, definition);
  const computed = new Map<string, T>();
  return (name) => {
    if (computed.has(name)) return computed.get(name)!;
    const definition = definitions.get(name);
    if (!definition) return none;
    computed.set(name, none);
    const value = compute(definition);
    computed.set(name, value);
    return value;
  };
}
