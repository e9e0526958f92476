import type { RetryErrorInfo } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { DeadlineExceededError, RefillingRetryStrategy, beforeDeadline, faultType, startDeadline, toDataSourceError } from '@appsync-lambda/engine/testing';

const throttled: RetryErrorInfo = { errorType: 'THROTTLING' };
const clientError: RetryErrorInfo = { errorType: 'CLIENT_ERROR' };

describe('RefillingRetryStrategy', () => {
  it('retries throttling and transient faults up to maxAttempts, with waits no longer than maxDelayMs', async () => {
    const strategy = new RefillingRetryStrategy({ maxAttempts: 3, maxDelayMs: 50 });
    const first = await strategy.acquireInitialRetryToken();
    const second = await strategy.refreshRetryTokenForRetry(first, throttled);
    const third = await strategy.refreshRetryTokenForRetry(second, { errorType: 'TRANSIENT' });
    expect([second.getRetryCount(), third.getRetryCount()]).toEqual([1, 2]);
    expect(third.getRetryDelay()).toBeLessThanOrEqual(50);
    await expect(strategy.refreshRetryTokenForRetry(third, throttled)).rejects.toThrow();
  });

  it('does not retry client errors', async () => {
    const strategy = new RefillingRetryStrategy({ maxAttempts: 3 });
    await expect(strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), clientError)).rejects.toThrow();
  });

  it('stops retrying when the quota is spent and retries again once it has refilled', async () => {
    let now = 0;
    const strategy = new RefillingRetryStrategy({ maxAttempts: 2, quotaCapacity: 10, quotaRefillPerSecond: 5, now: () => now });
    await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), throttled);
    await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), throttled);
    expect(strategy.quota).toBe(0);
    await expect(strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), throttled)).rejects.toThrow();
    now += 1_000;
    expect(strategy.quota).toBe(5);
    await expect(strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), throttled)).resolves.toBeDefined();
  });

  it('gives back a successful retry’s cost, never beyond the capacity', async () => {
    const strategy = new RefillingRetryStrategy({ maxAttempts: 2, quotaCapacity: 10, quotaRefillPerSecond: 0, now: () => 0 });
    const retry = await strategy.refreshRetryTokenForRetry(await strategy.acquireInitialRetryToken(), throttled);
    expect(strategy.quota).toBe(5);
    strategy.recordSuccess(retry);
    expect(strategy.quota).toBe(10);
    strategy.recordSuccess(await strategy.acquireInitialRetryToken());
    expect(strategy.quota).toBe(10);
  });
});

describe('startDeadline', () => {
  it('takes the Lambda’s remaining time minus the margin, within the maximum', () => {
    expect(startDeadline({ maxMs: 25_000, marginMs: 1_000 }, 29_000).budgetMs).toBe(25_000);
    expect(startDeadline({ maxMs: 25_000, marginMs: 1_000 }, 5_000).budgetMs).toBe(4_000);
    expect(startDeadline({ maxMs: 25_000, marginMs: 1_000 }, 500).budgetMs).toBe(0);
    expect(startDeadline({ maxMs: 25_000, marginMs: 1_000 }).budgetMs).toBe(25_000);
  });

  it('fails work that is still running when the deadline has passed', async () => {
    const deadline = startDeadline({ maxMs: 0, marginMs: 0 });
    await expect(beforeDeadline(() => new Promise(() => undefined), deadline)).rejects.toBeInstanceOf(DeadlineExceededError);
    // Once it has passed, nothing more is started.
    let started = false;
    await expect(beforeDeadline(async () => (started = true), deadline)).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(started).toBe(false);
    await expect(beforeDeadline(async () => 'done', undefined)).resolves.toBe('done');
  });
});

describe('faultType', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED', $metadata: {} }), 'DataSourceUnavailable'],
    ['a reset the SDK names TimeoutError', Object.assign(new Error('read ECONNRESET'), { name: 'TimeoutError', code: 'ECONNRESET', $metadata: {} }), 'DataSourceUnavailable'],
    ['the request timeout', Object.assign(new Error('exceeded the configured 200 ms requestTimeout'), { name: 'TimeoutError', code: 'ETIMEDOUT' }), 'Timeout'],
    ['an aborted call', Object.assign(new Error('Request aborted'), { name: 'AbortError' }), 'Timeout'],
    ['an unreadable 200', Object.assign(new SyntaxError('Unexpected token\n  Deserialization error: …'), { $metadata: { httpStatusCode: 200 } }), 'DataSourceUnavailable'],
    ['a 503', Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $fault: 'server', $metadata: { httpStatusCode: 503 } }), 'DataSourceUnavailable'],
    ['a failed condition', Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException', $fault: 'client', $metadata: { httpStatusCode: 400 } }), undefined],
  ])('classifies %s', (_name, error, expected) => {
    expect(faultType(error)).toBe(expected);
  });

  it('gives faults a generic message that names nothing internal', () => {
    const error = toDataSourceError(Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:8000'), { code: 'ECONNREFUSED', $metadata: {} }));
    expect(error).toEqual({ type: 'DataSourceUnavailable', message: 'The data source is unavailable; try again later' });
  });
});
