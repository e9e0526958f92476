/**
 * What a document asks for, before anything runs: per operation its depth, aliases, directives and
 * whether it introspects, and the query text's token count.
 *
 * The counts are those of the operation with every fragment spread expanded, computed without
 * expanding anything: each named fragment is measured once and its measure reused at each spread,
 * so a document that doubles its spreads fragment after fragment (`fragment F0 on Query { ...F1
 * ...F1 } fragment F1 on Query { ...F2 ...F2 } …`) costs what its text costs, not 2^levels.
 * Measured once per parsed document: Apollo's document cache hands back the same object.
 */
import { Kind, Lexer, Source, TokenKind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { perFragment } from './fragments';

export interface DocumentMeasure {
  /** Nesting of fields: root fields are 1, fragments add none, `__typename` does not count. */
  depth: number;
  /** Aliased fields, once per spread of the fragment holding them; aliases of `__typename` are free. */
  aliases: number;
  /** Directives on the operation, its selections and its fragments, once per spread. */
  directives: number;
  /** Whether it selects `__schema` or `__type`. */
  introspection: boolean;
  /** Whether it selects a field other than `__schema`, `__type` and `__typename` (and what is under the first two). */
  data: boolean;
}

export interface DocumentMeasures {
  /** The largest of the document's operations, per limit: what a budget is compared with. */
  readonly largest: DocumentMeasure;
  /** Each operation's own measure. */
  readonly operations: ReadonlyMap<OperationDefinitionNode, DocumentMeasure>;
  /** Selections visited to measure the document: each one once, however often its fragment is spread. */
  readonly visits: number;
}

const NOTHING: DocumentMeasure = { depth: 0, aliases: 0, directives: 0, introspection: false, data: false };

function add(total: DocumentMeasure, part: DocumentMeasure): void {
  total.depth = Math.max(total.depth, part.depth);
  total.aliases += part.aliases;
  total.directives += part.directives;
  total.introspection ||= part.introspection;
  total.data ||= part.data;
}

function measureAll(document: DocumentNode): DocumentMeasures {
  let visits = 0;
  // An operation or a fragment: its selections and its own directives.
  const definitionMeasure = (definition: OperationDefinitionNode | FragmentDefinitionNode): DocumentMeasure => {
    const measure = selectionSet(definition.selectionSet);
    measure.directives += definition.directives?.length ?? 0;
    return measure;
  };
  const fragment = perFragment(document, definitionMeasure, NOTHING);

  function selectionSet(set: SelectionSetNode): DocumentMeasure {
    const total = { ...NOTHING };
    for (const selection of set.selections) {
      visits += 1;
      total.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.INLINE_FRAGMENT) add(total, selectionSet(selection.selectionSet));
      else if (selection.kind === Kind.FRAGMENT_SPREAD) add(total, fragment(selection.name.value));
      else {
        const name = selection.name.value;
        const child = selection.selectionSet ? selectionSet(selection.selectionSet) : NOTHING;
        // Clients such as Apollo Client add `__typename` everywhere: it neither nests nor costs an alias.
        const typename = name === '__typename';
        const meta = name === '__schema' || name === '__type';
        add(total, {
          depth: typename ? 0 : 1 + child.depth,
          aliases: child.aliases + (selection.alias && !typename && selection.alias.value !== '__typename' ? 1 : 0),
          directives: child.directives,
          introspection: child.introspection || meta,
          // What sits under `__schema`/`__type` is the schema's description, not data.
          data: !typename && !meta,
        });
      }
    }
    return total;
  }

  const largest = { ...NOTHING };
  const operations = new Map<OperationDefinitionNode, DocumentMeasure>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const measure = definitionMeasure(definition);
    operations.set(definition, measure);
    largest.depth = Math.max(largest.depth, measure.depth);
    largest.aliases = Math.max(largest.aliases, measure.aliases);
    largest.directives = Math.max(largest.directives, measure.directives);
    largest.introspection ||= measure.introspection;
    largest.data ||= measure.data;
  }
  return { largest, operations, visits };
}

const measures = new WeakMap<DocumentNode, DocumentMeasures>();

/** Every operation's measure (computed on first use, in time linear in the document). */
export function measureOperations(document: DocumentNode): DocumentMeasures {
  let measure = measures.get(document);
  if (!measure) measures.set(document, (measure = measureAll(document)));
  return measure;
}

/** The document's measure: the largest of its operations, per limit. */
export function measureDocument(document: DocumentNode): DocumentMeasure {
  return measureOperations(document).largest;
}

/**
 * The query text's tokens as the parser counts them (comments excluded) when there are more than
 * `limit`, else null. Every token has at least one character, so a text no longer than the limit
 * is not lexed. A lexical error ends the count: the parser reports it.
 */
export function tokensOver(text: string, limit: number): number | null {
  if (text.length <= limit) return null;
  const lexer = new Lexer(new Source(text));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A syntax error: parse() reports it with its location.
  }
  return count > limit ? count : null;
}
