/**
 * The walks over an operation's selections after validation, on fragment bombs: `ctx.info`'s
 * selectionSetList, the data of an error entry, the coordinate of an error's path and the events a
 * mutation publishes each read a fragment once (graphql-js's own field collection does the same),
 * however often it is spread, and give what the expanded operation gives.
 */
import { buildSchema, getOperationAST, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { countingFragmentReads, fragmentBomb } from '../../helpers/fragment-bombs';
import { coordinateOf, errorData, buildInfo, mutationEvents } from '@appsync-lambda/engine/testing';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    item(id: ID!): Item
  }
  type Mutation {
    save(id: ID!): Item
  }
  type Item {
    id: ID!
    name: String
    secret: String
    related: ItemPage!
  }
  type ItemPage {
    items: [Item!]!
  }
`);

const LEVELS = [10, 20, 30, 40];

/** `{ item(id: "1") { ...F0 } }`, the bomb's fragments on Item selecting `leaf`. */
function itemBomb(levels: number, leaf = 'id related { items { name } }') {
  const counted = countingFragmentReads(fragmentBomb(levels, { operation: '{ item(id: "1") { ...F0 } }', type: 'Item', leaf }));
  const operation = getOperationAST(counted.document)!;
  return { ...counted, operation, field: operation.selectionSet.selections[0] as FieldNode };
}

describe('buildInfo', () => {
  it.each(LEVELS)('lists the selections of a %i-level bomb reading each fragment once', (levels) => {
    const { field, fragments, reads } = itemBomb(levels);
    const query = schema.getQueryType()!;
    const info = { fieldName: 'item', fieldNodes: [field], fragments, returnType: query.getFields().item!.type, parentType: query, variableValues: {} };
    expect(buildInfo(info as unknown as GraphQLResolveInfo).selectionSetList).toEqual(['id', 'related', 'related/items', 'related/items/name']);
    expect(reads()).toBeLessThanOrEqual(levels + 1);
  });
});

describe('errorData', () => {
  it.each(LEVELS)('keeps what a %i-level bomb selects, reading each fragment once', (levels) => {
    const { field, fragments, reads } = itemBomb(levels);
    const data = { id: '1', secret: 's', related: { items: [{ id: 'a', name: 'A', secret: 's' }] } };
    expect(errorData(data, field.selectionSet!.selections, fragments)).toEqual({ id: '1', related: { items: [{ name: 'A' }] } });
    expect(reads()).toBeLessThanOrEqual(levels + 1);
  });

  it('merges the selections of one response key', () => {
    const { document, fragments } = countingFragmentReads('{ item(id: "1") { related { items { id } } ...R } } fragment R on Item { related { items { name } } }');
    const field = getOperationAST(document)!.selectionSet.selections[0] as FieldNode;
    const data = { id: '1', related: { items: [{ id: 'a', name: 'A', secret: 's' }] } };
    expect(errorData(data, field.selectionSet!.selections, fragments)).toEqual({ related: { items: [{ id: 'a', name: 'A' }] } });
  });
});

describe('coordinateOf', () => {
  it.each(LEVELS)('follows a path through a %i-level bomb, or gives up, reading each fragment once per step', (levels) => {
    const { document, operation, reads } = itemBomb(levels);
    const request = { schema, document, operation };
    expect(coordinateOf({ path: ['item', 'related', 'items', 0, 'name'] }, request, new Map())).toBe('Item.name');
    expect(coordinateOf({ path: ['item', 'missing'] }, request, new Map())).toBeUndefined();
    // Two paths through the bomb: the first spread of each fragment leads to the field.
    expect(reads()).toBeLessThanOrEqual(2 * (levels + 1));
  });
});

describe('mutationEvents', () => {
  it.each(LEVELS)('publishes the root field of a %i-level bomb once, reading each fragment once', (levels) => {
    const { document, fragments, reads } = countingFragmentReads(fragmentBomb(levels, { operation: 'mutation { ...F0 }', type: 'Mutation', leaf: 'save(id: "1") { id }' }));
    expect(mutationEvents(getOperationAST(document)!, fragments, { save: { id: '1' } }, new Set(['save']))).toEqual([{ mutation: 'save', data: { id: '1' } }]);
    expect(reads()).toBeLessThanOrEqual(levels + 1);
  });
});
