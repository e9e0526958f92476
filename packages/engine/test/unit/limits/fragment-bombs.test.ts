/**
 * The pre-execution analysis on fragment bombs: documents whose text grows by one fragment per
 * level while their expansion doubles. Depth, aliases, directives, the cost and DynamoDB-call
 * estimate and the query depth rule must do work proportional to the text (each fragment once, its
 * result reused at every spread) and still give the numbers of the expanded document.
 */
import { buildSchema, getOperationAST, Kind, parse, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { countingFragmentReads, expandFragments, fragmentBomb, selectionsIn } from '../../helpers/fragment-bombs';
import { estimateCost, type CostOptions, queryDepthLimitRule, measureDocument, measureOperations } from '@appsync-lambda/engine/testing';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    item(id: ID!): Item
    page(limit: Int): ItemPage!
  }
  type Item {
    id: ID!
    name: String
    tags: [String!]
    related(limit: Int): ItemPage!
  }
  type ItemPage {
    items: [Item!]!
    nextToken: String
  }
`);

const LEVELS = [10, 20, 30, 40];

/** An aliased, directed leaf under `item`: 2^levels aliases and directives once expanded. */
const aliasBomb = (levels: number) => fragmentBomb(levels, { operation: '{ item(id: "1") { ...F0 } }', type: 'Item', leaf: 'label: name @include(if: true)' });

/** Pages under a page: each expansion selects 3 items and their related page of 2. */
const pageBomb = (levels: number) =>
  fragmentBomb(levels, { operation: '{ page(limit: 3) { ...F0 } }', type: 'ItemPage', leaf: 'items { related(limit: 2) { items { id } } }' });

/** Documents of the usual kind, with the numbers the expanded document has. */
const ORDINARY = [
  'query A { x: item(id: "1") { ...I } } query B { item(id: "2") @include(if: true) { name @skip(if: false) t: __typename } } fragment I on Item { related { items { id } } }',
  'query ($n: Int) { a: page(limit: $n) { ...P } b: page { ...P nextToken } } fragment P on ItemPage { items { id ...N tags } } fragment N on Item { n: name related(limit: 5) { items { ... on Item { id } } } }',
  'fragment Deep on Item { related { items { related { items { id } } } } } { item(id: "1") { ...Deep ...Deep } page(limit: 100) { items { ...Deep } } }',
];

function costOptions(calls: Record<string, number> = { 'Query.item': 1, 'Query.page': 1, 'Item.related': 1 }) {
  const asked: string[] = [];
  const options: CostOptions = {
    dynamodbCallsOf: (coordinate) => {
      asked.push(coordinate);
      return calls[coordinate] ?? 0;
    },
    defaultPageSize: 20,
    maxPageSize: 100,
  };
  return { options, asked };
}

const estimate = (document: DocumentNode, variables: Record<string, unknown> = {}) => estimateCost(schema, document, getOperationAST(document)!, variables, costOptions().options);

describe('measureOperations', () => {
  it.each(LEVELS)('visits each selection of a %i-level bomb once and counts its expansion', (levels) => {
    const document = parse(aliasBomb(levels));
    const { visits, largest } = measureOperations(document);
    expect(visits).toBeLessThanOrEqual(selectionsIn(document));
    expect(largest).toEqual({ depth: 2, aliases: 2 ** levels, directives: 2 ** levels, introspection: false, data: true });
  });

  it('gives the numbers of the expanded document', () => {
    for (const text of [...ORDINARY, aliasBomb(5), pageBomb(4)]) {
      const document = parse(text);
      expect(measureDocument(document), text).toEqual(measureDocument(expandFragments(document)));
    }
  });

  it('measures each operation on its own and reports the largest per limit', () => {
    const document = parse(ORDINARY[0]!);
    const [a, b] = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const { operations, largest } = measureOperations(document);
    expect(operations.get(a!)).toEqual({ depth: 4, aliases: 1, directives: 0, introspection: false, data: true });
    expect(operations.get(b!)).toEqual({ depth: 2, aliases: 0, directives: 2, introspection: false, data: true });
    expect(largest).toEqual({ depth: 4, aliases: 1, directives: 2, introspection: false, data: true });
  });

  it('ends on a fragment cycle, which validation refuses afterwards', () => {
    const document = parse('{ ...A } fragment A on Query { item(id: "1") { id } ...B } fragment B on Query { ...A page { nextToken } }');
    expect(measureDocument(document)).toEqual({ depth: 2, aliases: 0, directives: 0, introspection: false, data: true });
  });
});

describe('estimateCost', () => {
  it.each(LEVELS)('asks for each field of a %i-level bomb once, reads each fragment twice, and estimates its expansion', (levels) => {
    const { document, reads } = countingFragmentReads(pageBomb(levels));
    const { options, asked } = costOptions();
    const { cost, dynamodbCalls } = estimateCost(schema, document, getOperationAST(document)!, {}, options);
    // Once to order the fragments, once to estimate each.
    expect(reads()).toBeLessThanOrEqual(2 * (levels + 1));
    expect(asked.length).toBeLessThanOrEqual(selectionsIn(document));
    // page, then per expansion: items, 3 × (related, its items, 2 × id).
    expect(cost).toBe(1 + 2 ** levels * (1 + 3 * (1 + 1 + 2)));
    expect(dynamodbCalls).toBe(1 + 2 ** levels * 3);
  });

  it('gives the numbers of the expanded document, variables and batched key lookups included', () => {
    for (const text of [...ORDINARY.slice(1), aliasBomb(6), pageBomb(5)]) {
      const document = parse(text);
      for (const variables of [{}, { n: 7 }, { n: 1_000 }]) expect(estimate(document, variables), text).toEqual(estimate(expandFragments(document), variables));
    }
  });
});

describe('a chain of 5,000 fragments, each spreading the next', () => {
  const chain = Array.from({ length: 5_000 }, (_, level) => `fragment F${level} on Query { ...F${level + 1} }`);
  const document = parse(['{ ...F0 }', ...chain, 'fragment F5000 on Query { page(limit: 2) { items { id } } }'].join('\n'));

  it('is measured and estimated without running out of stack', () => {
    expect(measureDocument(document)).toEqual({ depth: 3, aliases: 0, directives: 0, introspection: false, data: true });
    expect(estimate(document)).toEqual({ cost: 1 + 1 + 2, dynamodbCalls: 1 });
  });
});

describe('queryDepthLimitRule', () => {
  it.each(LEVELS)('reads each fragment of a %i-level bomb a bounded number of times and reports the depth of its expansion', (levels) => {
    const { document, reads } = countingFragmentReads(fragmentBomb(levels, { operation: '{ item(id: "1") { ...F0 } }', type: 'Item', leaf: 'related { items { id } }' }));
    const errors = validate(schema, document, [queryDepthLimitRule(3)]);
    expect(errors.map((error) => error.message)).toEqual(['Query depth 4 exceeds the limit of 3']);
    // Once by graphql-js's visitor, twice by the measure (to order the fragments, to measure each).
    expect(reads()).toBeLessThanOrEqual(3 * (levels + 1));
  });
});
