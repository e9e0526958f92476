/**
 * What subscriptions cost a month on API Gateway WebSockets + Lambda + DynamoDB (this API) and on
 * AppSync real time, itemised, from the dated price table in prices.json. Pure: no I/O, no clock.
 *
 * Ours: connection-minutes; every message received or sent, per started 32 KB (each event delivered,
 * each ping and its pong, connection_init, connection_ack and subscribe); a Lambda invocation per
 * inbound message and per `$connect`/`$disconnect`; per published event one invocation of the
 * realtime function (the HTTP function's Invoke) with its DynamoDB reads. AppSync: connection-minutes
 * and each event delivered, per started 5 KB; connecting and keep-alive are free. The mutation that
 * publishes is not counted on either side (it is the HTTP side's operation, or AppSync's $4 per million).
 */
import { estimateCost, PRICES, type Architecture } from './cost';

export interface RealtimeScenario {
  /** Clients with a subscription open at the same time of day (e.g. recruiters' boards). */
  connections: number;
  hoursPerDay: number;
  daysPerMonth: number;
  /** Minutes between the client's pings (the SDK pings every 5). */
  pingMinutes: number;
  /** Events delivered per connection-hour (one `next` message to one connection each). */
  eventsPerConnectionHour: number;
  /** Connections each published event is delivered to: published events = deliveries / this. */
  subscribersPerEvent: number;
  /** Bytes of one event message. */
  eventBytes: number;
  /** API Gateway closes a connection after this many hours: a day is ceil(hoursPerDay / this) sessions. */
  sessionHours: number;
}

/** What one unit of work costs in Lambda time and DynamoDB units (measured or modelled by the caller). */
export interface RealtimeWork {
  memoryMb: number;
  arch: Architecture;
  /** Billed ms of the realtime function for one published event (its Queries and posts). */
  fanOutBilledMs: number;
  /** DynamoDB read units of one published event's Queries. */
  fanOutReadUnits: number;
  /** Billed ms of the invocation a ping makes (the pong posted). */
  pingBilledMs: number;
  /** Billed ms of a session's 4 invocations together ($connect, connection_init, subscribe, $disconnect). */
  sessionBilledMs: number;
  sessionReadUnits: number;
  sessionWriteUnits: number;
}

/** Messages and invocations of one session besides pings and events. */
export const SESSION_MESSAGES = 3;
export const SESSION_INVOCATIONS = 4;

export interface CostPair {
  ours: number;
  appsync: number;
}

export interface RealtimeCost {
  connectionMinutes: number;
  deliveries: number;
  publishedEvents: number;
  pings: number;
  sessions: number;
  /** US dollars a month, itemised. */
  items: {
    connectionTime: CostPair;
    events: CostPair;
    keepAlive: CostPair & { messages: number; lambda: number };
    sessions: CostPair & { messages: number; lambda: number; dynamodb: number };
    fanOut: CostPair & { lambda: number; dynamodb: number };
  };
  total: CostPair;
  /** Monthly total per million delivered events. */
  perMillionEvents: CostPair;
}

const compute = (billedMs: number, work: RealtimeWork) => estimateCost({ billedMs, memoryMb: work.memoryMb, arch: work.arch }).lambdaCompute;
const invocation = (billedMs: number, work: RealtimeWork) => compute(billedMs, work) + PRICES.lambda.perRequest;
const units = (read: number, write: number) => read * PRICES.dynamodb.perReadRequestUnit + write * PRICES.dynamodb.perWriteRequestUnit;

/** The month of a scenario, ours and AppSync's, itemised, in US dollars. */
export function realtimeCost(scenario: RealtimeScenario, work: RealtimeWork): RealtimeCost {
  const ws = PRICES.websocketApi;
  const connectionHours = scenario.connections * scenario.hoursPerDay * scenario.daysPerMonth;
  const connectionMinutes = connectionHours * 60;
  const deliveries = connectionHours * scenario.eventsPerConnectionHour;
  const publishedEvents = deliveries / Math.max(1, scenario.subscribersPerEvent);
  const pings = scenario.pingMinutes > 0 ? connectionMinutes / scenario.pingMinutes : 0;
  const sessions = scenario.connections * scenario.daysPerMonth * Math.ceil(scenario.hoursPerDay / scenario.sessionHours);
  const ourMessages = Math.max(1, Math.ceil(scenario.eventBytes / ws.messageMeteringBytes));
  const appSyncMessages = Math.max(1, Math.ceil(scenario.eventBytes / PRICES.appsync.realTimeMeteringBytes));

  const keepAliveMessages = pings * 2 * ws.perMessage;
  const keepAliveLambda = pings * invocation(work.pingBilledMs, work);
  const sessionMessages = sessions * SESSION_MESSAGES * ws.perMessage;
  const sessionLambda = sessions * (SESSION_INVOCATIONS * PRICES.lambda.perRequest + compute(work.sessionBilledMs, work));
  const sessionDynamodb = sessions * units(work.sessionReadUnits, work.sessionWriteUnits);
  const fanOutLambda = publishedEvents * invocation(work.fanOutBilledMs, work);
  const fanOutDynamodb = publishedEvents * units(work.fanOutReadUnits, 0);

  const items = {
    connectionTime: { ours: connectionMinutes * ws.perConnectionMinute, appsync: connectionMinutes * PRICES.appsync.perConnectionMinute },
    events: { ours: deliveries * ourMessages * ws.perMessage, appsync: deliveries * appSyncMessages * PRICES.appsync.perRealTimeMessage },
    keepAlive: { ours: keepAliveMessages + keepAliveLambda, appsync: 0, messages: keepAliveMessages, lambda: keepAliveLambda },
    sessions: { ours: sessionMessages + sessionLambda + sessionDynamodb, appsync: 0, messages: sessionMessages, lambda: sessionLambda, dynamodb: sessionDynamodb },
    fanOut: { ours: fanOutLambda + fanOutDynamodb, appsync: 0, lambda: fanOutLambda, dynamodb: fanOutDynamodb },
  };
  const total = Object.values(items).reduce((sum, item) => ({ ours: sum.ours + item.ours, appsync: sum.appsync + item.appsync }), { ours: 0, appsync: 0 });
  const perMillion = deliveries > 0 ? 1e6 / deliveries : 0;
  return { connectionMinutes, deliveries, publishedEvents, pings, sessions, items, total, perMillionEvents: { ours: total.ours * perMillion, appsync: total.appsync * perMillion } };
}

/**
 * Events per connection-hour above which ours costs less than AppSync's (both grow linearly with
 * them); null when ours never does (an event costs us as much as AppSync or more).
 */
export function breakEvenEventsPerConnectionHour(scenario: RealtimeScenario, work: RealtimeWork): number | null {
  const at = (eventsPerConnectionHour: number) => realtimeCost({ ...scenario, eventsPerConnectionHour }, work).total;
  const [none, one] = [at(0), at(1)];
  const gap = none.ours - none.appsync;
  const saving = one.appsync - none.appsync - (one.ours - none.ours);
  if (gap <= 0) return 0;
  return saving > 0 ? gap / saving : null;
}
