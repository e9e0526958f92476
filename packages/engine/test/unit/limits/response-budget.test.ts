/**
 * The response budget's bytes for an object's `__typename` keys, on a fragment bomb: each key
 * counts once, as it appears once in the response, and each fragment is read once.
 */
import { buildSchema, getOperationAST, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { countingFragmentReads, fragmentBomb } from '../../helpers/fragment-bombs';
import { RequestSlots, applyResponseBudget } from '@appsync-lambda/engine/testing';

const SDL = 'type Query { item: Item } type Item { id: ID }';

/** `Query.item` resolved from `{ item: { id: "1" } }` under a budget of `maxBytes`, its selections a bomb of `levels`. */
function resolveItem(levels: number, maxBytes: number) {
  const schema = buildSchema(SDL);
  applyResponseBudget(schema, maxBytes);
  const query = schema.getQueryType()!;
  const { document, fragments, reads } = countingFragmentReads(fragmentBomb(levels, { operation: '{ item { ...F0 } }', type: 'Item', leaf: '__typename' }));
  const field = getOperationAST(document)!.selectionSet.selections[0] as FieldNode;
  const info = { fieldName: 'item', fieldNodes: [field], fragments, returnType: query.getFields().item!.type, parentType: query, path: { prev: undefined, key: 'item', typename: 'Query' } };
  const resolve = () => query.getFields().item!.resolve!({ item: { id: '1' } }, {}, { slots: new RequestSlots() }, info as unknown as GraphQLResolveInfo);
  return { resolve, reads };
}

describe('applyResponseBudget', () => {
  // "item": 8 bytes; the object: braces 2 and one "__typename": "Item" key of 10 + 4 + 6.
  const bytes = 8 + 2 + 10 + 4 + 6;

  it.each([10, 20, 30, 40])('counts the __typename of a %i-level bomb once, reading each fragment once', (levels) => {
    const { resolve, reads } = resolveItem(levels, bytes);
    expect(resolve()).toEqual({ id: '1' });
    expect(reads()).toBeLessThanOrEqual(levels + 1);
  });

  it('refuses the field one byte below what it counted', () => {
    expect(resolveItem(30, bytes - 1).resolve).toThrow(/larger than/);
  });
});
