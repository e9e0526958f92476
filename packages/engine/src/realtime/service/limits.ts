/**
 * What one WebSocket connection may hold and send, checked before anything is stored:
 *
 * - subscriptions per connection: AppSync's quota (contract LIM-09: 100), counted in the
 *   connection's record (store.ts), so concurrent subscribes cannot pass it;
 * - a subscription's id: graphql-ws clients send UUIDs (36 characters); the id is part of two
 *   DynamoDB keys (a sort key holds at most 1,024 bytes), so it is held to {@link MAX_SUBSCRIPTION_ID_LENGTH}
 *   characters of {@link SUBSCRIPTION_ID_PATTERN};
 * - a subscription's document and variables: stored in the subscription's record and read by every
 *   fan-out that matches it (a Query page holds 1 MB), so bounded well under API Gateway's 32 KB frame;
 * - a message to a client: API Gateway's message payload quota (128 KB, not adjustable); a larger
 *   post would be refused by the Management API.
 */
import { OptionError } from '../../core/option-error';

export interface RealtimeLimits {
  /** Subscriptions one connection may hold at once; the next is refused with `MaxSubscriptionsReachedError`. */
  maxSubscriptionsPerConnection: number;
  /** UTF-8 bytes of a subscription's document plus its variables as JSON; over it, `RequestTooLarge`. */
  maxDocumentBytes: number;
  /** UTF-8 bytes of one message to a client; an event over it ends its subscription with `ResponseTooLarge`. */
  maxMessageBytes: number;
}

/** AppSync's subscriptions per connection (LIM-09), 16 KiB documents, API Gateway's 128 KiB messages. */
export const DEFAULT_REALTIME_LIMITS: Readonly<RealtimeLimits> = Object.freeze({
  maxSubscriptionsPerConnection: 100,
  maxDocumentBytes: 16 * 1024,
  maxMessageBytes: 128 * 1024,
});

/** The longest subscription id accepted (graphql-ws sends 36-character UUIDs). */
export const MAX_SUBSCRIPTION_ID_LENGTH = 128;

/** The characters a subscription id may hold: letters, digits and `-_.:~`. */
export const SUBSCRIPTION_ID_PATTERN = /^[A-Za-z0-9_.:~-]+$/;

/** The limits with the defaults filled in (for those absent or undefined); an OptionError at creation for a value that is not a positive integer. */
export function resolveRealtimeLimits(limits: Partial<RealtimeLimits> = {}): RealtimeLimits {
  const given = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
  const resolved = { ...DEFAULT_REALTIME_LIMITS, ...given };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new OptionError(`limits.${name}`, `must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return resolved;
}

/** Why a subscription id is refused, or null when it is fine. */
export function subscriptionIdProblem(id: string): { message: string; errorInfo: Record<string, unknown> } | null {
  if (id.length > MAX_SUBSCRIPTION_ID_LENGTH) {
    return { message: `A subscription id holds at most ${MAX_SUBSCRIPTION_ID_LENGTH} characters; this one has ${id.length}.`, errorInfo: { field: 'id', maximum: MAX_SUBSCRIPTION_ID_LENGTH, actual: id.length } };
  }
  if (!SUBSCRIPTION_ID_PATTERN.test(id)) {
    return { message: 'A subscription id may hold only letters, digits and -_.:~', errorInfo: { field: 'id' } };
  }
  return null;
}
