import { describe, expect, it } from 'vitest';
import { PRICES } from '../../../src/observability/cost';
import { breakEvenEventsPerConnectionHour, realtimeCost, type RealtimeScenario, type RealtimeWork } from '../../../src/observability/realtime-cost';

// One connection, 1 h a day, 1 day: 60 connection-minutes, one session.
const hour: RealtimeScenario = { connections: 1, hoursPerDay: 1, daysPerMonth: 1, pingMinutes: 5, eventsPerConnectionHour: 10, subscribersPerEvent: 5, eventBytes: 500, sessionHours: 2 };
const free: RealtimeWork = { memoryMb: 1024, arch: 'arm64', fanOutBilledMs: 0, fanOutReadUnits: 0, pingBilledMs: 0, sessionBilledMs: 0, sessionReadUnits: 0, sessionWriteUnits: 0 };

describe('realtimeCost', () => {
  it('counts connection-minutes, deliveries, published events, pings and sessions of the scenario', () => {
    const cost = realtimeCost({ ...hour, connections: 1000, hoursPerDay: 8, daysPerMonth: 22 }, free);
    expect(cost.connectionMinutes).toBe(10_560_000);
    expect(cost.deliveries).toBe(1000 * 8 * 22 * 10);
    expect(cost.publishedEvents).toBe(1000 * 8 * 22 * 2);
    expect(cost.pings).toBe(10_560_000 / 5);
    // API Gateway closes a connection after 2 h: 4 sessions a day.
    expect(cost.sessions).toBe(1000 * 22 * 4);
  });

  it('prices connection time at $0.25 (ours) and $0.08 (AppSync) per million minutes', () => {
    const cost = realtimeCost(hour, free);
    expect(cost.items.connectionTime.ours).toBeCloseTo(60 * 0.25e-6, 15);
    expect(cost.items.connectionTime.appsync).toBeCloseTo(60 * 0.08e-6, 15);
  });

  it('prices an event at $1 per million per started 32 KB (ours) and $2 per million per started 5 KB (AppSync)', () => {
    const small = realtimeCost(hour, free).items.events;
    expect(small.ours).toBeCloseTo(10 * 1e-6, 15);
    expect(small.appsync).toBeCloseTo(10 * 2e-6, 15);
    const large = realtimeCost({ ...hour, eventBytes: 6 * 1024 }, free).items.events;
    expect(large.ours).toBeCloseTo(10 * 1e-6, 15);
    expect(large.appsync).toBeCloseTo(10 * 2 * 2e-6, 15);
  });

  it('bills each ping as 2 messages and 1 invocation, each session as 3 messages and 4 invocations; AppSync bills neither', () => {
    const work = { ...free, pingBilledMs: 10, sessionBilledMs: 40, sessionReadUnits: 1, sessionWriteUnits: 4 };
    const cost = realtimeCost(hour, work);
    const gbSecond = PRICES.lambda.perGbSecond.arm64;
    expect(cost.items.keepAlive.messages).toBeCloseTo(12 * 2 * 1e-6, 15);
    expect(cost.items.keepAlive.lambda).toBeCloseTo(12 * (0.2e-6 + 0.01 * gbSecond), 15);
    expect(cost.items.sessions.messages).toBeCloseTo(3e-6, 15);
    expect(cost.items.sessions.lambda).toBeCloseTo(4 * 0.2e-6 + 0.04 * gbSecond, 15);
    expect(cost.items.sessions.dynamodb).toBeCloseTo(0.125e-6 + 4 * 0.625e-6, 15);
    expect([cost.items.keepAlive.appsync, cost.items.sessions.appsync]).toEqual([0, 0]);
  });

  it('bills each published event one realtime invocation and its read units, and sums the items', () => {
    const cost = realtimeCost(hour, { ...free, fanOutBilledMs: 50, fanOutReadUnits: 1 });
    expect(cost.publishedEvents).toBe(2);
    expect(cost.items.fanOut.lambda).toBeCloseTo(2 * (0.2e-6 + 0.05 * PRICES.lambda.perGbSecond.arm64), 15);
    expect(cost.items.fanOut.dynamodb).toBeCloseTo(2 * 0.125e-6, 15);
    const items = Object.values(cost.items);
    expect(cost.total.ours).toBeCloseTo(items.reduce((sum, item) => sum + item.ours, 0), 15);
    expect(cost.total.appsync).toBeCloseTo(60 * 0.08e-6 + 10 * 2e-6, 15);
    expect(cost.perMillionEvents.ours).toBeCloseTo((cost.total.ours / 10) * 1e6, 9);
  });
});

describe('breakEvenEventsPerConnectionHour', () => {
  it('is where both months cost the same', () => {
    const work = { ...free, pingBilledMs: 5, fanOutBilledMs: 30, fanOutReadUnits: 1 };
    const events = breakEvenEventsPerConnectionHour(hour, work)!;
    const cost = realtimeCost({ ...hour, eventsPerConnectionHour: events }, work);
    expect(cost.total.ours).toBeCloseTo(cost.total.appsync, 12);
    // Without pings, per connection-hour: (0.25 − 0.08) × 60 of connection time + one session's 3 messages
    // and 4 requests, against $2 − $1 per event less a fifth of a fan-out invocation's request ($0.20).
    expect(breakEvenEventsPerConnectionHour({ ...hour, pingMinutes: 0 }, free)).toBeCloseTo((0.17 * 60 + 3 + 4 * 0.2) / (2 - 1 - 0.2 / 5), 9);
  });

  it('is null when an event costs us as much as AppSync’s', () => {
    expect(breakEvenEventsPerConnectionHour({ ...hour, subscribersPerEvent: 1 }, { ...free, fanOutBilledMs: 100_000 })).toBeNull();
  });
});
