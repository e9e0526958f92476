/**
 * What a document asks for, measured with GraphQL Armor's rules (max-depth, max-aliases,
 * max-directives) run as counters: their limit is infinite and `onAccept` reports each
 * operation's count, so one pass gives the measured values and every caller's budget is compared
 * with them (Apollo's validation rules are the same for every request; budgets are not).
 * Measured once per parsed document: Apollo's document cache hands back the same object.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { Lexer, Source, TokenKind, validate, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';

export interface DocumentMeasure {
  /** The largest of the document's operations, per limit. */
  depth: number;
  aliases: number;
  directives: number;
  /** Whether any operation selects `__schema` or `__type`. */
  introspection: boolean;
}

type Counts = Omit<DocumentMeasure, 'introspection'>;

const measures = new WeakMap<DocumentNode, DocumentMeasure>();
// The measure being filled while `validate` runs, by document (set and read synchronously).
const filling = new WeakMap<DocumentNode, DocumentMeasure>();

function counter(name: keyof Counts) {
  return [(context: ValidationContext | null, { n }: { n: number }) => {
    const measure = context && filling.get(context.getDocument());
    if (measure) measure[name] = Math.max(measure[name], n);
  }];
}

const introspectionRule: ValidationRule = (context) => ({
  Field(node) {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') filling.get(context.getDocument())!.introspection = true;
  },
});

const RULES: ValidationRule[] = [
  maxDepthRule({ n: Infinity, flattenFragments: true, ignoreIntrospection: false, onAccept: counter('depth') }),
  maxAliasesRule({ n: Infinity, onAccept: counter('aliases') }),
  maxDirectivesRule({ n: Infinity, onAccept: counter('directives') }),
  introspectionRule,
];

/** The document's measure (computed on first use). Rules' own errors are Apollo's to report. */
export function measureDocument(schema: GraphQLSchema, document: DocumentNode): DocumentMeasure {
  let measure = measures.get(document);
  if (measure) return measure;
  measure = { depth: 0, aliases: 0, directives: 0, introspection: false };
  filling.set(document, measure);
  try {
    validate(schema, document, RULES);
  } finally {
    filling.delete(document);
  }
  measures.set(document, measure);
  return measure;
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
