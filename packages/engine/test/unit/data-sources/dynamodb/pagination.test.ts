import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { listBinding, decodeNextToken, encodeNextToken, MAX_NEXT_TOKEN_LENGTH, decodeStartKey, encodeStartKey } from '@appsync-lambda/engine/testing';

const scope = { resolverId: 'Query.jobsByCompany', secret: 'a-secret-of-this-deployment' };
const companyQuery = (companyId: string, extra: Record<string, unknown> = {}) => ({
  operation: 'Query',
  index: 'GSI1',
  query: {
    expression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
    expressionValues: { ':pk': { S: `COMPANY#${companyId}` }, ':prefix': { S: 'JOB#' } },
  },
  scanIndexForward: false,
  ...extra,
});
const bindingA = listBinding('Query', companyQuery('c-aaaa-1111'), 'jobs-table');
const lastKey = { PK: 'JOB#0f5c9f1e-7d1b-4b0e-9d55-6b2c1a7e9f10', SK: '#META', GSI1PK: 'COMPANY#c-aaaa-1111', GSI1SK: 'JOB#2026-11-28T10:00:00.000Z#0f5c' };
const tokenA = encodeNextToken(lastKey, scope, bindingA)!;

/** The error decodeNextToken throws, or undefined when it accepts the token. */
function refusal(token: unknown, binding = bindingA, tokenScope = scope) {
  try {
    decodeNextToken(token, tokenScope, binding);
    return undefined;
  } catch (error) {
    return error as { errorType?: string; message: string };
  }
}

describe('encodeNextToken and decodeNextToken (DDB-06)', () => {
  it('round-trips the last evaluated key, and answers null on the last page', () => {
    expect(decodeNextToken(tokenA, scope, bindingA)).toEqual(lastKey);
    expect(encodeNextToken(undefined, scope, bindingA)).toBeNull();
    expect(decodeNextToken(undefined, scope, bindingA)).toBeUndefined();
    expect(decodeNextToken(null, scope, bindingA)).toBeUndefined();
  });

  it('is opaque: no key name, key prefix, id or date is readable in the token or its base64 decoding', () => {
    const decoded = Buffer.from(tokenA, 'base64url').toString('latin1');
    for (const text of [tokenA, decoded]) {
      // 4+ characters: a two-letter name (PK) turns up in random bytes now and then.
      for (const readable of ['GSI1PK', 'GSI1SK', 'COMPANY', 'JOB#', '#META', 'c-aaaa-1111', '0f5c9f1e', '2026-11']) expect(text).not.toContain(readable);
    }
    expect(tokenA).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('mints a different token for the same key every time (random IV), each accepted', () => {
    const again = encodeNextToken(lastKey, scope, bindingA)!;
    expect(again).not.toBe(tokenA);
    expect(decodeNextToken(again, scope, bindingA)).toEqual(lastKey);
  });

  it('refuses a token of another partition: company A’s token on company B', () => {
    const bindingB = listBinding('Query', companyQuery('c-bbbb-2222'), 'jobs-table');
    expect(refusal(tokenA, bindingB)).toMatchObject({ errorType: 'InvalidNextToken', message: 'The pagination token is invalid or belongs to another list.' });
  });

  it('refuses a token of another resolver, table, index, direction, key condition or secret', () => {
    expect(refusal(tokenA, bindingA, { ...scope, resolverId: 'Company.jobs' })?.errorType).toBe('InvalidNextToken');
    expect(refusal(tokenA, bindingA, { ...scope, secret: 'another-secret' })?.errorType).toBe('InvalidNextToken');
    const others = [
      listBinding('Query', companyQuery('c-aaaa-1111'), 'another-table'),
      listBinding('Query', companyQuery('c-aaaa-1111', { index: 'GSI2' }), 'jobs-table'),
      listBinding('Query', companyQuery('c-aaaa-1111', { scanIndexForward: true }), 'jobs-table'),
      listBinding('Scan', { operation: 'Scan', index: 'GSI1' }, 'jobs-table'),
      listBinding('Query', { ...companyQuery('c-aaaa-1111'), query: { expression: 'GSI1PK = :pk', expressionValues: { ':pk': { S: 'COMPANY#c-aaaa-1111' } } } }, 'jobs-table'),
    ];
    for (const binding of others) expect(refusal(tokenA, binding)?.errorType).toBe('InvalidNextToken');
  });

  it('binds the list, not the page: limit, projection, filter and the values’ spelling may change between pages', () => {
    const nextPage = companyQuery('c-aaaa-1111', {
      limit: 5,
      projection: { expression: 'id' },
      filter: { expression: '#s = :open', expressionNames: { '#s': 'status' }, expressionValues: { ':open': { S: 'OPEN' } } },
    });
    expect(decodeNextToken(tokenA, scope, listBinding('Query', nextPage, 'jobs-table'))).toEqual(lastKey);
    const asJsonString = { ...companyQuery('c-aaaa-1111'), query: JSON.stringify(companyQuery('c-aaaa-1111').query) };
    expect(decodeNextToken(tokenA, scope, listBinding('Query', asJsonString, 'jobs-table'))).toEqual(lastKey);
  });

  it('refuses tampered, truncated, extended, re-spelled, versioned and oversized tokens', () => {
    const bytes = Buffer.from(tokenA, 'base64url');
    const flipped = (index: number) => {
      const copy = Buffer.from(bytes);
      copy[index] = copy[index]! ^ 1;
      return copy.toString('base64url');
    };
    const bad = [
      '',
      'x',
      `${tokenA}x`,
      `${tokenA}AAAA`,
      `${tokenA}.`,
      `${tokenA}=`,
      ` ${tokenA}`,
      tokenA.slice(0, -1),
      tokenA.slice(0, -4),
      tokenA.slice(4),
      tokenA.replace(/-/g, '+').replace(/_/g, '/'),
      flipped(0),
      flipped(5),
      flipped(20),
      flipped(bytes.length - 1),
      Buffer.concat([bytes, Buffer.from([0])]).toString('base64url'),
      'A'.repeat(MAX_NEXT_TOKEN_LENGTH + 1),
      'A'.repeat(1_000_000),
      `${tokenA.split('.')[0]}.AAAA`,
      Buffer.from(JSON.stringify({ r: scope.resolverId, k: lastKey })).toString('base64url'),
      42,
      { token: tokenA },
    ];
    for (const token of bad) expect(refusal(token), String(token).slice(0, 60)).toMatchObject({ errorType: 'InvalidNextToken' });
  });

  it('refuses a token whose last base64url character carries stray bits (the decoder would forgive them)', () => {
    // A token whose byte length is not a multiple of 3 ends in a character with unused bits.
    const token = ['A', 'AB', 'ABC'].map((id) => encodeNextToken({ PK: id }, scope, bindingA)!).find((t) => Buffer.from(t, 'base64url').length % 3 !== 0)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const respelled = [...alphabet]
      .map((c) => `${token.slice(0, -1)}${c}`)
      .filter((t) => t !== token && Buffer.from(t, 'base64url').equals(Buffer.from(token, 'base64url')));
    expect(respelled.length).toBeGreaterThan(0);
    expect(decodeNextToken(token, scope, bindingA)).toEqual({ PK: expect.anything() });
    for (const t of respelled) expect(refusal(t)?.errorType).toBe('InvalidNextToken');
  });
});

describe('encodeStartKey and decodeStartKey', () => {
  it('round-trips string, number and binary key attributes', () => {
    const key = { id: 'ü😀', n: 12, big: NumberValue.from('123456789012345678901234567890'), b: new Uint8Array([0, 255, 7]) };
    const decoded = decodeStartKey(encodeStartKey(key))!;
    expect(decoded.id).toBe('ü😀');
    expect(String(decoded.n)).toBe('12');
    expect(String(decoded.big)).toBe('123456789012345678901234567890');
    expect(decoded.b).toEqual(new Uint8Array([0, 255, 7]));
  });

  it('refuses bytes that are not exactly one key', () => {
    const bytes = encodeStartKey({ PK: 'A', SK: 'B' });
    const withCount = (count: number) => Buffer.concat([Buffer.from([count]), bytes.subarray(1)]);
    for (const malformed of [Buffer.alloc(0), withCount(0), withCount(3), withCount(5), bytes.subarray(0, -1), Buffer.concat([bytes, Buffer.from([0])])]) {
      expect(decodeStartKey(malformed)).toBeUndefined();
    }
    const twice = encodeStartKey({ PK: 'A' });
    expect(decodeStartKey(Buffer.concat([Buffer.from([2]), twice.subarray(1), twice.subarray(1)]))).toBeUndefined();
    const notUtf8 = Buffer.from(encodeStartKey({ PK: 'A' }));
    notUtf8[notUtf8.length - 1] = 0xff;
    expect(decodeStartKey(notUtf8)).toBeUndefined();
  });

  it('refuses to encode what no DynamoDB key holds', () => {
    expect(() => encodeStartKey({})).toThrow();
    expect(() => encodeStartKey({ PK: true })).toThrow();
    expect(() => encodeStartKey({ PK: 'x'.repeat(2049) })).toThrow();
  });
});
