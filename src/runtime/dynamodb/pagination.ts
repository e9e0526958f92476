/**
 * Opaque, signed pagination tokens (contract DDB-06). A token names the resolver that minted it,
 * so a token from one list cannot be replayed against another, and it cannot be forged to read
 * from an arbitrary key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppSyncError } from '../errors';
import type { NativeItem } from './typed';

export interface TokenScope {
  /** Resolver or function that issues and accepts the token. */
  resolverId: string;
  /** HMAC key; the same across containers of one deployment. */
  secret: string;
}

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function encodeNextToken(lastEvaluatedKey: NativeItem | undefined, scope: TokenScope): string | null {
  if (!lastEvaluatedKey) return null;
  const payload = Buffer.from(JSON.stringify({ r: scope.resolverId, k: lastEvaluatedKey })).toString('base64url');
  return `${payload}.${sign(payload, scope.secret)}`;
}

/** The ExclusiveStartKey a token stands for; a malformed or foreign token is a caller error. */
export function decodeNextToken(token: unknown, scope: TokenScope): NativeItem | undefined {
  if (token === undefined || token === null) return undefined;
  const invalid = () => new AppSyncError('The pagination token is invalid or belongs to another list.', 'InvalidNextToken');
  if (typeof token !== 'string') throw invalid();
  const [payload, signature] = token.split('.');
  if (!payload || !signature) throw invalid();
  const expected = Buffer.from(sign(payload, scope.secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { r?: string; k?: NativeItem };
  if (decoded.r !== scope.resolverId || !decoded.k) throw invalid();
  return decoded.k;
}
