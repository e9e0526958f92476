/**
 * The real-time section of `npm run cost`: a month of subscriptions on API Gateway WebSockets +
 * Lambda + DynamoDB against AppSync real time, itemised, for a stated scenario, and the events per
 * connection-hour where the two cost the same (src/observability/realtime-cost.ts does the sums).
 *
 * Measured here (`npm run bench -- realtime`'s subject, with the scenario's subscribers per event on
 * one job and as many on another): per published event the fan-out's own counts (its report:
 * DynamoDB Queries, matched, delivered) and the read units DynamoDB Local reports, posts per delivery,
 * the event message's bytes; the process CPU per fan-out, per ping and per session (connect,
 * connection_init, subscribe, $disconnect) and a session's DynamoDB units. The CPU is the whole
 * process's, with the local API Gateway and the clients in it: an upper bound of the function's.
 * Modelled: the CPU share by memory (model.ts), in-region waits (DynamoDB per call, PostToConnection),
 * the scenario itself.
 *
 * REALTIME_COST_CONNECTIONS (1000), REALTIME_COST_HOURS_PER_DAY (8), REALTIME_COST_DAYS (22),
 * REALTIME_COST_EVENTS_PER_HOUR (0.57 delivered events per connection-hour),
 * REALTIME_COST_SUBSCRIBERS_PER_EVENT (5), REALTIME_COST_MOVES (20 measured events) change it.
 */
import { DEFAULT_KEEP_ALIVE_MS } from '@hiring/sdk';
import { runRealtime } from '../../bench/realtime.ts';
import { median, table } from '../../bench/lib/stats.ts';
import type { Architecture } from '../../src/observability/cost.ts';
import { PRICES } from '../../src/observability/cost.ts';
import { breakEvenEventsPerConnectionHour, realtimeCost, SESSION_INVOCATIONS, SESSION_MESSAGES, type RealtimeScenario, type RealtimeWork } from '../../src/observability/realtime-cost.ts';
import { cpuAtMemory, DYNAMODB_LATENCY_MS } from './model.ts';

/** Modelled in-region latency of one PostToConnection (ms). */
export const POST_TO_CONNECTION_MS = 10;
/** A session's modelled waits: $connect's PutItem; init's UpdateItem and post; subscribe's GetItem and PutItem; $disconnect's Query and BatchWriteItem. */
const SESSION_WAIT_MS =
  DYNAMODB_LATENCY_MS.PutItem! * 2 + DYNAMODB_LATENCY_MS.UpdateItem! + POST_TO_CONNECTION_MS + DYNAMODB_LATENCY_MS.GetItem! + DYNAMODB_LATENCY_MS.Query! + DYNAMODB_LATENCY_MS.BatchWriteItem!;

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const dollars = (value: number) => (value === 0 ? '$0' : `$${value.toFixed(value < 0.1 ? 4 : 2)}`);
const count = (value: number) => (value >= 1e6 ? `${(value / 1e6).toFixed(2)} M` : Math.round(value).toLocaleString('en-US'));

export async function printRealtimeCost({ memoryMb, arch }: { memoryMb: number; arch: Architecture }): Promise<void> {
  const scenario: RealtimeScenario = {
    connections: setting('REALTIME_COST_CONNECTIONS', 1000),
    hoursPerDay: setting('REALTIME_COST_HOURS_PER_DAY', 8),
    daysPerMonth: setting('REALTIME_COST_DAYS', 22),
    pingMinutes: DEFAULT_KEEP_ALIVE_MS / 60_000,
    eventsPerConnectionHour: setting('REALTIME_COST_EVENTS_PER_HOUR', 0.57),
    subscribersPerEvent: Math.max(1, Math.round(setting('REALTIME_COST_SUBSCRIBERS_PER_EVENT', 5))),
    eventBytes: 0,
    sessionHours: 2,
  };
  const moves = Math.max(1, Math.round(setting('REALTIME_COST_MOVES', 20)));
  console.log(`\nReal time: measuring the fan-out with ${scenario.subscribersPerEvent} subscribers on a job (and as many on another), ${moves} moves...`);
  const run = await runRealtime({ REALTIME_SUBSCRIBERS: String(scenario.subscribersPerEvent), REALTIME_MOVES: String(moves) });
  const reports = run.events.map((event) => event.report!).filter(Boolean);
  const queries = median(reports.map((report) => report.queries));
  const delivered = median(reports.map((report) => report.delivered));
  const postsPerDelivery = median(run.events.map((event) => event.posts)) / Math.max(1, delivered);
  const fanOutCpu = median(run.events.map((event) => event.cpuMs ?? 0));
  const pingCpu = median(run.pingCpuMs);
  const sessionCpu = (run.session.cpuMs + run.disconnect.cpuMs) / run.session.sessions;
  scenario.eventBytes = Math.round(median(run.eventBytes));
  const work: RealtimeWork = {
    memoryMb,
    arch,
    // Queries in parallel, then posts in parallel: one of each on the critical path.
    fanOutBilledMs: cpuAtMemory(fanOutCpu, memoryMb) + DYNAMODB_LATENCY_MS.Query! + POST_TO_CONNECTION_MS,
    fanOutReadUnits: median(run.events.map((event) => event.readUnits)),
    pingBilledMs: cpuAtMemory(pingCpu, memoryMb) + POST_TO_CONNECTION_MS,
    sessionBilledMs: cpuAtMemory(sessionCpu, memoryMb) + SESSION_WAIT_MS,
    sessionReadUnits: (run.session.readUnits + run.disconnect.readUnits) / run.session.sessions,
    sessionWriteUnits: (run.session.writeUnits + run.disconnect.writeUnits) / run.session.sessions,
  };

  console.log('Measured per published event / ping / session (medians; CPU of the whole process: an upper bound)');
  console.log(
    table([
      ['figure', 'value', 'how'],
      ['DynamoDB Queries per event', String(queries), 'the fan-out\'s report (onFanOut)'],
      ['subscriptions matched / delivered per event', `${median(reports.map((report) => report.matched))} / ${delivered}`, 'the fan-out\'s report; the other job\'s subscribers not read'],
      ['PostToConnection per delivered event', postsPerDelivery.toFixed(2), 'counted at the Management API client'],
      ['read units per event', work.fanOutReadUnits.toFixed(2), 'reported by DynamoDB Local'],
      ['event message bytes', String(scenario.eventBytes), `measured; billed per ${PRICES.websocketApi.messageMeteringBytes / 1024} KB (ours), ${PRICES.appsync.realTimeMeteringBytes / 1024} KB (AppSync)`],
      ['fan-out CPU ms / billed ms', `${fanOutCpu.toFixed(1)} / ${work.fanOutBilledMs.toFixed(1)}`, `CPU measured; + ${DYNAMODB_LATENCY_MS.Query} ms Query + ${POST_TO_CONNECTION_MS} ms post modelled`],
      ['ping CPU ms / billed ms', `${pingCpu.toFixed(1)} / ${work.pingBilledMs.toFixed(1)}`, `CPU measured; + ${POST_TO_CONNECTION_MS} ms post modelled`],
      [`session CPU ms / billed ms (${SESSION_INVOCATIONS} invocations)`, `${sessionCpu.toFixed(1)} / ${work.sessionBilledMs.toFixed(1)}`, `CPU measured; + ${SESSION_WAIT_MS} ms of DynamoDB and post waits modelled`],
      ['session read / write units', `${work.sessionReadUnits.toFixed(2)} / ${work.sessionWriteUnits.toFixed(2)}`, 'reported by DynamoDB Local'],
    ]),
  );

  const cost = realtimeCost(scenario, work);
  const { items } = cost;
  console.log(
    `\nA month (modelled scenario): ${count(scenario.connections)} connections open ${scenario.hoursPerDay} h a day, ${scenario.daysPerMonth} days ` +
      `(${count(cost.connectionMinutes)} connection-minutes); pings every ${scenario.pingMinutes} min (the SDK's keepAliveMs); ` +
      `${scenario.eventsPerConnectionHour} events delivered per connection-hour (${count(cost.deliveries)}), each published event to ${scenario.subscribersPerEvent} ` +
      `(${count(cost.publishedEvents)} fan-outs); a session per ${scenario.sessionHours} h (API Gateway's limit: ${count(cost.sessions)}). ` +
      `${PRICES.region} list prices of ${PRICES.date}, ${memoryMb} MB ${arch}.`,
  );
  console.log(
    table([
      ['item', 'API Gateway + Lambda', 'AppSync', 'what'],
      ['connection-minutes', dollars(items.connectionTime.ours), dollars(items.connectionTime.appsync), '$0.25 vs $0.08 per million minutes'],
      ['events delivered', dollars(items.events.ours), dollars(items.events.appsync), '$1.00 vs $2.00 per million messages'],
      [`keep-alive (${count(cost.pings)} pings: 2 messages + 1 invocation each)`, `${dollars(items.keepAlive.messages)} + ${dollars(items.keepAlive.lambda)}`, dollars(0), 'AppSync\'s ka messages are free'],
      [`sessions (${SESSION_MESSAGES} messages, ${SESSION_INVOCATIONS} invocations, DynamoDB each)`, `${dollars(items.sessions.messages)} + ${dollars(items.sessions.lambda)} + ${dollars(items.sessions.dynamodb)}`, dollars(0), 'connect, connection_init, subscribe, $disconnect'],
      [`fan-out (${count(cost.publishedEvents)} invocations, ${count(cost.publishedEvents * queries)} Queries)`, `${dollars(items.fanOut.lambda)} + ${dollars(items.fanOut.dynamodb)}`, dollars(0), 'Lambda + DynamoDB reads'],
      ['total a month', dollars(cost.total.ours), dollars(cost.total.appsync), `ours / AppSync ${(cost.total.ours / cost.total.appsync).toFixed(1)}×`],
      ['per million events delivered', dollars(cost.perMillionEvents.ours), dollars(cost.perMillionEvents.appsync), 'the month\'s total / its events'],
    ]),
  );
  const breakEven = breakEvenEventsPerConnectionHour(scenario, work);
  console.log(
    breakEven === null
      ? 'Break-even: none (an event costs us as much as AppSync\'s or more).'
      : `Break-even: ${breakEven.toFixed(1)} events delivered per connection-hour (more and API Gateway + Lambda is cheaper); this scenario has ${scenario.eventsPerConnectionHour}.`,
  );
  console.log('Not counted: the publishing mutation (the HTTP section above, or AppSync\'s $4 per million), data transfer, logs, free tiers.');
}
