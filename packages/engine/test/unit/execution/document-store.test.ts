import type { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { parse, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createDocumentStore, documentBytes } from '@appsync-lambda/engine/testing';
import { DEFAULT_DOCUMENT_CACHE_BYTES } from '@appsync-lambda/engine';

/** A unique document: an alias and a padding comment of `padding` characters. */
const paddedDocument = (n: number, padding: number) => parse(`{ a${n}: __typename }\n#${'p'.repeat(padding)}`);
/** A unique document dense with tokens: `aliases` aliased fields. */
const denseDocument = (n: number, aliases: number) => parse(`{ ${Array.from({ length: aliases }, (_, k) => `a${n}_${k}: __typename`).join(' ')} }`);

async function heldBytes(store: InMemoryLRUCache<DocumentNode>): Promise<number> {
  let total = 0;
  for (const key of store.keys()) total += documentBytes((await store.get(key))!);
  return total;
}

describe('documentBytes', () => {
  it('counts the query text, which Apollo’s default sizing leaves out', () => {
    const document = paddedDocument(1, 100_000);
    expect(documentBytes(document)).toBeGreaterThan(100_000);
    // What Apollo's default store charges for the same document: the comment is not in it.
    expect(Buffer.byteLength(JSON.stringify(document))).toBeLessThan(1_000);
  });

  it('counts the tokens of a dense document, each worth far more than its characters', () => {
    const document = denseDocument(1, 1_000);
    const text = document.loc!.source.body.length;
    expect(documentBytes(document)).toBeGreaterThan(40 * text);
  });
});

describe('createDocumentStore', () => {
  it('holds at most its byte budget, evicting the least recently used documents', async () => {
    const budget = 1024 * 1024;
    const store = createDocumentStore(budget) as InMemoryLRUCache<DocumentNode>;
    for (let n = 0; n < 200; n += 1) await store.set(`doc${n}`, paddedDocument(n, 20_000));
    const held = store.keys();
    expect(held.length).toBeGreaterThan(10);
    expect(held.length).toBeLessThan(200);
    expect(await heldBytes(store)).toBeLessThanOrEqual(budget);
    expect(await store.get('doc0')).toBeUndefined();
    expect(await store.get('doc199')).toBeDefined();
  });

  it('bounds dense documents by their tokens, not their text', async () => {
    const budget = 1024 * 1024;
    const store = createDocumentStore(budget) as InMemoryLRUCache<DocumentNode>;
    // About 10 KB of text each, over 400 KB of syntax tree: the text alone would let 100 in.
    for (let n = 0; n < 100; n += 1) await store.set(`doc${n}`, denseDocument(n, 500));
    expect(store.keys().length).toBeLessThan(20);
    expect(await heldBytes(store)).toBeLessThanOrEqual(budget);
  });

  it('does not cache a document larger than a sixteenth of the budget', async () => {
    const store = createDocumentStore(1024 * 1024) as InMemoryLRUCache<DocumentNode>;
    await store.set('small', paddedDocument(1, 1_000));
    await store.set('large', paddedDocument(2, 1024 * 1024 / 16));
    expect(store.keys()).toEqual(['small']);
  });

  it('is off with a budget of 0, and holds 16 MiB by default', () => {
    expect(createDocumentStore(0)).toBeNull();
    expect(DEFAULT_DOCUMENT_CACHE_BYTES).toBe(16 * 1024 * 1024);
  });
});
