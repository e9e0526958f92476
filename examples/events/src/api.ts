/**
 * The events API on @appsync-lambda/engine: the schema as deployed to AppSync, and the data
 * sources, resolvers and pipeline functions of serverless.yml's `appSync:` section, read once per
 * container. The deployed entry (handler.ts) calls this with what it reads from the environment;
 * tests call it with theirs.
 */
import { createAppSyncEngine, createHttpApiHandler, fromServerlessAppSync, type EngineOptions, type HttpApiHandler } from '@appsync-lambda/engine';
import { parse } from 'yaml';
import sdl from '../schema.graphql';
import serverlessYml from '../serverless.yml';
import { modules } from './modules';

export interface EventsApiOptions extends Pick<EngineOptions, 'dynamodb' | 'lambda' | 'auth' | 'paginationSecret' | 'hooks' | 'deadline'> {
  /** The real names of the tables serverless.yml names with `{ Ref: … }`. */
  tables: { events: string; tickets: string };
  /** The deployed name or ARN of the ticket-codes function (serverless.yml names it by its key). */
  ticketCodesFunction: string;
  /** The weather service's base URL; serverless.yml's endpoint when omitted. */
  weatherUrl?: string;
}

/** The largest request body the API reads: its operations are small. */
const MAX_REQUEST_BYTES = 64 * 1024;

/** The events API's Lambda handler (HTTP API payload v2); call once per container. */
export function createEventsApi({ tables, ticketCodesFunction, weatherUrl, ...engineOptions }: EventsApiOptions): HttpApiHandler {
  const wiring = fromServerlessAppSync(parse(serverlessYml), {
    loadModule: (path) => modules[path],
    tables,
    functions: { ticketCodes: ticketCodesFunction },
    endpoints: weatherUrl ? { weather: weatherUrl } : {},
  });
  const engine = createAppSyncEngine({
    ...engineOptions,
    sdl,
    resolvers: wiring.resolvers,
    tables: wiring.tables,
    // recordTicket's transaction names both tables, as on AppSync, through the API's environment.
    env: { EVENTS_TABLE: tables.events, TICKETS_TABLE: tables.tickets },
  });
  return createHttpApiHandler(engine, { maxRequestBytes: MAX_REQUEST_BYTES });
}
