/**
 * Opaque pagination tokens (contract DDB-06). A token is the `LastEvaluatedKey` encrypted with
 * AES-256-GCM under a key derived (HKDF-SHA256) from the configured secret, and authenticated
 * together with the list it belongs to: the resolver and the request's table, index, key condition,
 * direction and scan segment ({@link listBinding}). So a token reveals nothing of the key layout,
 * cannot be forged, and is refused by any other list, including the same resolver on another
 * partition (company A's token on company B). Parsing is exact: version byte, length bounds,
 * canonical base64url; any deviation is `InvalidNextToken`, never a DynamoDB error.
 *
 * Layout, base64url without padding: `version(1) iv(12) ciphertext tag(16)`.
 */
import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { AppSyncError } from '../../core/errors';
import { decodeStartKey, encodeStartKey, MAX_START_KEY_BYTES } from './start-key';
import type { NativeItem } from './typed';
import { ERROR_TYPES } from '../../core/error-types';

export interface TokenScope {
  /** Resolver or function that issues and accepts the token. */
  resolverId: string;
  /** Key material; the same across containers of one deployment. */
  secret: string;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_TOKEN_BYTES = 1 + IV_BYTES + 1 + TAG_BYTES;
const MAX_TOKEN_BYTES = 1 + IV_BYTES + MAX_START_KEY_BYTES + TAG_BYTES;
/** The longest token this runtime mints; anything longer is refused before decoding. */
export const MAX_NEXT_TOKEN_LENGTH = Math.ceil((MAX_TOKEN_BYTES * 4) / 3);
const MIN_NEXT_TOKEN_LENGTH = Math.ceil((MIN_TOKEN_BYTES * 4) / 3);
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const HKDF_INFO = 'appsync-runtime/dynamodb/next-token/v1/aes-256-gcm';

// One derivation per secret per container; a deployment has one secret. A KeyObject makes each
// cipher about three times cheaper to create than a raw key Buffer.
const derivedKeys = new Map<string, KeyObject>();
function encryptionKey(secret: string): KeyObject {
  let key = derivedKeys.get(secret);
  if (!key) {
    if (derivedKeys.size >= 8) derivedKeys.clear();
    key = createSecretKey(Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), HKDF_INFO, 32)));
    derivedKeys.set(secret, key);
  }
  return key;
}

function associatedData(scope: TokenScope, binding: string): Buffer {
  return Buffer.from(JSON.stringify([VERSION, scope.resolverId, binding]), 'utf8');
}

export function invalidNextToken(cause?: unknown): AppSyncError {
  return new AppSyncError('The pagination token is invalid or belongs to another list.', ERROR_TYPES.InvalidNextToken, null, null, cause ? { cause } : undefined);
}

/** The token for the page after `lastEvaluatedKey`, or null on the last page (DDB-24). */
export function encodeNextToken(lastEvaluatedKey: NativeItem | undefined, scope: TokenScope, binding: string): string | null {
  if (!lastEvaluatedKey) return null;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(scope.secret), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(scope, binding));
  const ciphertext = Buffer.concat([cipher.update(encodeStartKey(lastEvaluatedKey)), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
}

/** The bytes of a well-formed token, or undefined. */
function tokenBytes(token: string): Buffer | undefined {
  if (token.length < MIN_NEXT_TOKEN_LENGTH || token.length > MAX_NEXT_TOKEN_LENGTH || !BASE64URL.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  // Node's decoder forgives stray bits and lengths; only the one canonical spelling is a token.
  if (bytes.toString('base64url') !== token || bytes[0] !== VERSION) return undefined;
  return bytes;
}

/**
 * The ExclusiveStartKey a token stands for; undefined without a token. A malformed token, or one
 * minted for another list (resolver, table, index, key condition, direction, segment), throws
 * `InvalidNextToken`.
 */
export function decodeNextToken(token: unknown, scope: TokenScope, binding: string): NativeItem | undefined {
  if (token === undefined || token === null) return undefined;
  if (typeof token !== 'string') throw invalidNextToken();
  const bytes = tokenBytes(token);
  if (!bytes) throw invalidNextToken();
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const ciphertext = bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', encryptionKey(scope.secret), iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(scope, binding));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // Tampered, truncated, another secret's, or another list's: GCM cannot tell them apart, nor should the caller.
    throw invalidNextToken();
  }
  const key = decodeStartKey(plaintext);
  if (!key) throw invalidNextToken();
  return key;
}
