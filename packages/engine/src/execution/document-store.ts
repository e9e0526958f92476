/**
 * Apollo's cache of parsed and validated documents, bounded by what the documents really hold.
 *
 * Apollo's default store is an LRU sized by `JSON.stringify(document)`, which leaves out the query
 * text and the token list every node's location keeps alive: a 5 MB padded query is counted as a
 * few hundred bytes, and 185 unique ones filled a 900 MB heap. Here an entry is sized by its text
 * plus its tokens (measured: about 290–330 heap bytes per token, nodes and locations included),
 * the store holds at most `DOCUMENT_CACHE_BYTES` of them, and a document bigger than a sixteenth of
 * that is not cached at all (it is parsed again when sent again).
 */
import type { DocumentStore } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';

/** Default of `DOCUMENT_CACHE_BYTES`: 16 MiB, about 800 SDK-sized operations. */
export const DEFAULT_DOCUMENT_CACHE_BYTES = 16 * 1024 * 1024;

/** Heap bytes per token of a parsed document (its token, AST node share and location); measured 285–330. */
const BYTES_PER_TOKEN = 340;
/** The entry's key (schema hash + query hash) and the cache's own bookkeeping. */
const ENTRY_BYTES = 512;

/**
 * Estimated heap bytes a cached document keeps alive: its text (UTF-8 bytes, at least what V8
 * stores) and its tokens, each with its share of the syntax tree.
 */
export function documentBytes(document: DocumentNode): number {
  const location = document.loc;
  if (!location) return ENTRY_BYTES + Buffer.byteLength(JSON.stringify(document));
  let tokens = 0;
  for (let token: typeof location.startToken | null = location.startToken; token; token = token.next) tokens += 1;
  return ENTRY_BYTES + Buffer.byteLength(location.source.body) + tokens * BYTES_PER_TOKEN;
}

/** A document store holding at most `maxBytes` (estimated by {@link documentBytes}); 0 turns the cache off. */
export function createDocumentStore(maxBytes: number = DEFAULT_DOCUMENT_CACHE_BYTES): DocumentStore | null {
  if (maxBytes === 0) return null;
  return new InMemoryLRUCache<DocumentNode>({
    maxSize: maxBytes,
    maxEntrySize: Math.max(1, Math.floor(maxBytes / 16)),
    sizeCalculation: documentBytes,
  });
}
