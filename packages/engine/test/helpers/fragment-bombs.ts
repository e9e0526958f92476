/**
 * Fragment bombs and the instruments that show a walk over them is linear: a document whose text
 * grows by one fragment per level while its expansion doubles, a count of the document's
 * selections, a copy of a document that counts how often its fragments' selections are read, and
 * the expansion itself (every spread replaced by its fragment's selections) for comparing numbers.
 */
import { Kind, parse, visit, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

export interface BombShape {
  /** The operation, spreading `...F0` where the bomb starts, e.g. `{ item(id: "1") { ...F0 } }`. */
  operation: string;
  /** The type the fragments are on. */
  type: string;
  /** What the last fragment selects. */
  leaf: string;
}

/** The text of a bomb: `F0` … `F(levels-1)` each spread the next fragment twice; `F(levels)` selects the leaf. */
export function fragmentBomb(levels: number, { operation, type, leaf }: BombShape): string {
  const fragments = Array.from({ length: levels }, (_, level) => `fragment F${level} on ${type} { ...F${level + 1} ...F${level + 1} }`);
  return [operation, ...fragments, `fragment F${levels} on ${type} { ${leaf} }`].join('\n');
}

/** Fields, fragment spreads and inline fragments in the document's text. */
export function selectionsIn(document: DocumentNode): number {
  let count = 0;
  const selection = () => {
    count += 1;
  };
  visit(document, { Field: selection, FragmentSpread: selection, InlineFragment: selection });
  return count;
}

/** Reads allowed before a walk is taken to be expanding its fragments: it then fails at once instead of running for hours. */
const MAX_READS = 100_000;

export interface CountedDocument {
  document: DocumentNode;
  /** The document's fragments by name, as graphql-js hands them to resolvers (`info.fragments`). */
  fragments: Record<string, FragmentDefinitionNode>;
  /** How often any fragment's selection set has been read. */
  reads(): number;
}

/** `text` parsed, its fragment definitions counting each read of their selection set. */
export function countingFragmentReads(text: string): CountedDocument {
  let reads = 0;
  const counted = (definition: FragmentDefinitionNode) =>
    new Proxy(definition, {
      get(target, key, receiver) {
        if (key === 'selectionSet' && ++reads > MAX_READS) throw new Error(`more than ${MAX_READS} reads of fragment selections: the walk expands fragments`);
        return Reflect.get(target, key, receiver);
      },
    });
  const parsed = parse(text);
  const document = { ...parsed, definitions: parsed.definitions.map((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? counted(definition) : definition)) };
  const fragments = Object.fromEntries(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [])));
  return { document, fragments, reads: () => reads };
}

/** The document with every spread replaced by an inline fragment holding its fragment's selections, and no named fragments. */
export function expandFragments(document: DocumentNode): DocumentNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return visit(document, {
    FragmentDefinition: () => null,
    FragmentSpread(spread) {
      const fragment = fragments.get(spread.name.value)!;
      return { kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: spread.directives, selectionSet: fragment.selectionSet };
    },
  });
}
