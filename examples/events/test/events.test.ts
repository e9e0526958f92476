// The events example: a second AppSync API on @appsync-lambda/engine, wired from its own
// serverless.yml, run through its real handler (API Gateway HTTP API v2 events) against its own
// two tables on DynamoDB Local, a weather service on a local HTTP server, and its ticket-codes
// function behind a stand-in of the Lambda Invoke API.
import { readFileSync } from 'node:fs';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type DataSourceCall, type EngineHooks, type HttpApiHandler } from '@appsync-lambda/engine';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { parse } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '@appsync-lambda/dynamodb-local/vitest';
import { graphqlEvent, cognitoIdToken, createSigningKey, startLambdaService, type LambdaService } from '@appsync-lambda/test-support';
import { createEventsApi } from '../src/api';
import { createTicketCodesHandler, ticketCode } from '../src/ticket-codes';
import { TABLES, createTables, startWeatherService, testAuth } from './support';

const API_KEY = 'da2-events-listings';
const TICKET_SECRET = 'test-ticket-secret';
const TICKET_CODES_FUNCTION = 'events-api-test-ticketCodes';

const signingKey = createSigningKey();
const organizer = { authorization: cognitoIdToken(signingKey, { sub: 'organizer-1', 'cognito:groups': ['organizers'] }) };
const fan = { authorization: cognitoIdToken(signingKey, { sub: 'fan-1', 'cognito:username': 'fan' }) };
const listings = { 'x-api-key': API_KEY };

interface Response {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<Record<string, any>> };
}

let db: TestDatabase;
let weather: Awaited<ReturnType<typeof startWeatherService>>;
let lambda: LambdaService;
let handler: HttpApiHandler;
/** The data-source calls of the last request, as the engine's hooks report them. */
let dataSourceCalls: DataSourceCall[] = [];
/** When set, each call of the ticket-codes function waits on it: lets a test hold purchases between their steps. */
let gate: ((event: unknown) => Promise<void>) | undefined;

/** A gate that opens once `count` calls are waiting at it. */
function barrier(count: number): (event: unknown) => Promise<void> {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let waiting = 0;
  return () => {
    if (++waiting === count) open();
    return opened;
  };
}

const recordingHooks: EngineHooks = {
  onRequestStart: () => ({
    aroundDataSource: (call, run) => {
      dataSourceCalls.push(call);
      return run();
    },
  }),
};

async function graphql(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Response> {
  dataSourceCalls = [];
  const result = (await handler(graphqlEvent(query, variables, { headers }), { awsRequestId: 'test' } as Context, () => undefined)) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode ?? 200, body: JSON.parse(String(result.body)) };
}

const CREATE_EVENT = 'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id title city startsAt capacity sold } }';
const BUY_TICKET = 'mutation ($eventId: ID!, $email: AWSEmail!) { buyTicket(eventId: $eventId, email: $email) { id eventId email code purchasedAt } }';

async function anEvent(input: Partial<{ title: string; city: string; startsAt: string; capacity: number }> = {}): Promise<{ id: string; title: string }> {
  const { body } = await graphql(CREATE_EVENT, { input: { title: 'Fado night', city: 'Lisbon', startsAt: '2027-06-12T20:00:00Z', capacity: 100, ...input } }, organizer);
  expect(body.errors).toBeUndefined();
  return body.data!.createEvent;
}

const ticketsOf = async (eventId: string) => (await db.doc.send(new ScanCommand({ TableName: TABLES.tickets }))).Items!.filter((ticket) => ticket.eventId === eventId);
const storedEvent = async (id: string) => (await db.doc.send(new GetCommand({ TableName: TABLES.events, Key: { id } }))).Item;

beforeAll(async () => {
  db = await createTables();
  weather = await startWeatherService();
  const issue = createTicketCodesHandler(TICKET_SECRET);
  lambda = await startLambdaService({
    [TICKET_CODES_FUNCTION]: async (event) => {
      await gate?.(event);
      return issue(event);
    },
  });
  handler = createEventsApi({
    tables: TABLES,
    ticketCodesFunction: TICKET_CODES_FUNCTION,
    weatherUrl: weather.url,
    dynamodb: db.doc,
    lambda: lambda.invoker(),
    auth: testAuth(signingKey, API_KEY),
    paginationSecret: 'test-pagination-secret',
    hooks: recordingHooks,
  });
});

afterAll(async () => {
  await lambda?.close();
  await new Promise((resolve) => weather?.server.close(resolve));
});

beforeEach(() => {
  lambda.fault(TICKET_CODES_FUNCTION, undefined);
  gate = undefined;
});

describe('Mutation.createEvent', () => {
  it('stores the event in the events table for an organizer (user pool, cognito_groups)', async () => {
    const { body } = await graphql(CREATE_EVENT, { input: { title: 'Jazz on the roof', city: 'Porto', startsAt: '2027-07-01T19:30:00Z', capacity: 50 } }, organizer);
    expect(body.errors).toBeUndefined();
    const event = body.data!.createEvent;
    expect(event).toEqual({ id: expect.any(String), title: 'Jazz on the roof', city: 'Porto', startsAt: '2027-07-01T19:30:00Z', capacity: 50, sold: 0 });
    expect(await storedEvent(event.id)).toEqual({ ...event, createdBy: 'organizer-1' });
    expect(dataSourceCalls).toMatchObject([{ coordinate: 'Mutation.createEvent', kind: 'DYNAMODB', name: 'events', operation: 'PutItem' }]);
  });

  it('refuses a signed-in user outside the organizers group, and an API key, with Unauthorized', async () => {
    const input = { title: 'Not allowed', city: 'Porto', startsAt: '2027-07-01T19:30:00Z', capacity: 5 };
    for (const headers of [fan, listings]) {
      const { status, body } = await graphql(CREATE_EVENT, { input }, headers);
      expect(status).toBe(200);
      expect(body).toMatchObject({ data: null, errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access createEvent on type Mutation', path: ['createEvent'] }] });
    }
    expect(dataSourceCalls).toEqual([]);
  });

  it('answers a request without credentials with HTTP 401 and runs nothing', async () => {
    const { status, body } = await graphql('{ events { items { id } } }', {}, {});
    expect(status).toBe(401);
    expect(body.errors).toMatchObject([{ errorType: 'UnauthorizedException' }]);
    expect(dataSourceCalls).toEqual([]);
  });
});

describe('Query.event and Event.forecast', () => {
  it('reads the event with an API key and its forecast from the weather service (HTTP data source)', async () => {
    const { id } = await anEvent({ city: 'Lisbon', startsAt: '2027-06-12T20:00:00Z' });
    weather.requests.length = 0;
    const { body } = await graphql('query ($id: ID!) { event(id: $id) { title city forecast { summary temperatureC } } }', { id }, listings);
    expect(body).toEqual({ data: { event: { title: 'Fado night', city: 'Lisbon', forecast: { summary: 'Sunny', temperatureC: 24.5 } } } });
    expect(weather.requests.map((url) => `${url.pathname}?${url.searchParams}`)).toEqual(['/forecast?city=Lisbon&date=2027-06-12']);
    expect(dataSourceCalls).toMatchObject([
      { coordinate: 'Query.event', kind: 'DYNAMODB', name: 'events', operation: 'GetItem' },
      { coordinate: 'Event.forecast', kind: 'HTTP', name: 'weather', operation: 'GET' },
    ]);
  });

  it('gives a null forecast for a city the weather service does not know, and WeatherUnavailable when it fails, the event still read', async () => {
    const unknown = await anEvent({ city: 'Atlantis' });
    const failing = await anEvent({ city: 'Stormville' });
    const query = 'query ($a: ID!, $b: ID!) { a: event(id: $a) { city forecast { summary } } b: event(id: $b) { city forecast { summary } } }';
    const { body } = await graphql(query, { a: unknown.id, b: failing.id }, listings);
    expect(body.data).toEqual({ a: { city: 'Atlantis', forecast: null }, b: { city: 'Stormville', forecast: null } });
    expect(body.errors).toEqual([
      expect.objectContaining({ errorType: 'WeatherUnavailable', message: 'The weather service could not give a forecast', path: ['b', 'forecast'], errorInfo: { statusCode: 503 } }),
    ]);
  });

  it('answers null for an event that does not exist', async () => {
    const { body } = await graphql('{ event(id: "no-such-event") { id } }', {}, listings);
    expect(body).toEqual({ data: { event: null } });
  });
});

describe('Query.events', () => {
  it('pages through every event with nextToken, each once', async () => {
    for (let i = 0; i < 5; i++) await anEvent({ title: `Concert ${i}` });
    const stored = (await db.doc.send(new ScanCommand({ TableName: TABLES.events }))).Items!.map((item) => item.id as string);
    const seen: string[] = [];
    let nextToken: string | null = null;
    let pages = 0;
    do {
      const { body } = await graphql('query ($nextToken: String) { events(limit: 2, nextToken: $nextToken) { items { id } nextToken } }', { nextToken }, listings);
      expect(body.errors).toBeUndefined();
      const page: { items: Array<{ id: string }>; nextToken: string | null } = body.data!.events;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken !== null && pages < 50);
    expect(seen.sort()).toEqual(stored.sort());
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(stored.length / 2));
  });

  it('refuses a limit out of range with ValidationError and a nextToken it did not issue with InvalidNextToken', async () => {
    const tooMany = await graphql('{ events(limit: 500) { items { id } } }', {}, listings);
    expect(tooMany.body).toMatchObject({ data: null, errors: [{ errorType: 'ValidationError', errorInfo: { argument: 'limit', minimum: 1, maximum: 100 } }] });
    const forged = await graphql('{ events(limit: 2, nextToken: "eyJmb3JnZWQiOnRydWV9") { items { id } } }', {}, listings);
    expect(forged.body).toMatchObject({ data: null, errors: [{ errorType: 'InvalidNextToken' }] });
  });
});

describe('Mutation.buyTicket', () => {
  it('runs its pipeline (NONE, GetItem, the ticket-codes Lambda, one transaction over both tables) and returns the stored ticket', async () => {
    const event = await anEvent({ capacity: 2 });
    const callsBefore = lambda.calls.length;
    const { body } = await graphql(BUY_TICKET, { eventId: event.id, email: 'Ana@Example.com' }, fan);
    expect(body.errors).toBeUndefined();
    const ticket = body.data!.buyTicket;
    expect(ticket).toEqual({ id: expect.any(String), eventId: event.id, email: 'ana@example.com', code: ticketCode(TICKET_SECRET, { ticketId: ticket.id, eventId: event.id }), purchasedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(ticket.code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(dataSourceCalls).toMatchObject([
      { coordinate: 'Mutation.buyTicket/prepareTicket', kind: 'NONE' },
      { coordinate: 'Mutation.buyTicket/loadEvent', kind: 'DYNAMODB', name: 'events', operation: 'GetItem' },
      { coordinate: 'Mutation.buyTicket/issueCode', kind: 'LAMBDA', operation: 'Invoke' },
      { coordinate: 'Mutation.buyTicket/recordTicket', kind: 'DYNAMODB', operation: 'TransactWriteItems' },
    ]);
    expect(lambda.calls.slice(callsBefore)).toEqual([{ functionName: TICKET_CODES_FUNCTION, invocationType: 'RequestResponse', event: { ticketId: ticket.id, eventId: event.id } }]);
    expect(await storedEvent(event.id)).toMatchObject({ sold: 1, capacity: 2 });
    expect(await ticketsOf(event.id)).toEqual([{ id: ticket.id, eventId: event.id, email: 'ana@example.com', code: ticket.code, purchasedAt: ticket.purchasedAt }]);

    const read = await graphql('query ($id: ID!) { ticket(id: $id) { id code } }', { id: ticket.id }, fan);
    expect(read.body).toEqual({ data: { ticket: { id: ticket.id, code: ticket.code } } });
  });

  it('stops at loadEvent with SoldOut once every seat is sold: no code issued, nothing written', async () => {
    const event = await anEvent({ title: 'Tiny gig', capacity: 1 });
    expect((await graphql(BUY_TICKET, { eventId: event.id, email: 'first@example.com' }, fan)).body.errors).toBeUndefined();
    const callsBefore = lambda.calls.length;
    const { body } = await graphql(BUY_TICKET, { eventId: event.id, email: 'second@example.com' }, fan);
    expect(body).toMatchObject({ data: null, errors: [{ errorType: 'SoldOut', message: 'Tiny gig is sold out', path: ['buyTicket'], errorInfo: { eventId: event.id, capacity: 1 } }] });
    expect(lambda.calls.length).toBe(callsBefore);
    expect(await storedEvent(event.id)).toMatchObject({ sold: 1 });
    expect(await ticketsOf(event.id)).toHaveLength(1);
  });

  it('sells the last seat once when two buyers pass loadEvent together: the other transaction fails its condition with SoldOut', async () => {
    const event = await anEvent({ title: 'Last seat', capacity: 1 });
    // Both purchases read the event (one seat left) before either writes: each waits at the ticket-codes function for the other.
    gate = barrier(2);
    const [first, second] = await Promise.all(['one@example.com', 'two@example.com'].map((email) => graphql(BUY_TICKET, { eventId: event.id, email }, fan)));
    const answers = [first!.body, second!.body];
    const sold = answers.filter((body) => body.errors === undefined);
    const refused = answers.filter((body) => body.errors !== undefined);
    expect(sold).toHaveLength(1);
    expect(refused).toMatchObject([{ data: null, errors: [{ errorType: 'SoldOut', message: 'Last seat is sold out', path: ['buyTicket'] }] }]);
    // recordTicket's answer (loadEvent's would add the capacity).
    expect(refused[0]!.errors![0]!.errorInfo).toEqual({ eventId: event.id });
    expect(await storedEvent(event.id)).toMatchObject({ sold: 1, capacity: 1 });
    expect(await ticketsOf(event.id)).toEqual([expect.objectContaining({ id: sold[0]!.data!.buyTicket.id })]);
  });

  it('answers NotFound for an event that does not exist', async () => {
    const { body } = await graphql(BUY_TICKET, { eventId: 'no-such-event', email: 'ana@example.com' }, fan);
    expect(body).toMatchObject({ data: null, errors: [{ errorType: 'NotFound', errorInfo: { eventId: 'no-such-event' } }] });
  });

  it('answers TicketCodeUnavailable when the ticket-codes function fails, and writes nothing', async () => {
    const event = await anEvent();
    lambda.fault(TICKET_CODES_FUNCTION, 'server-error');
    const { body } = await graphql(BUY_TICKET, { eventId: event.id, email: 'ana@example.com' }, fan);
    expect(body).toMatchObject({ data: null, errors: [{ errorType: 'TicketCodeUnavailable', message: 'No ticket code could be issued' }] });
    expect(await storedEvent(event.id)).toMatchObject({ sold: 0 });
    expect(await ticketsOf(event.id)).toEqual([]);
  });

  it('is not allowed to an API key (the mutation is user-pool only)', async () => {
    const event = await anEvent();
    const { body } = await graphql(BUY_TICKET, { eventId: event.id, email: 'ana@example.com' }, listings);
    expect(body).toMatchObject({ data: null, errors: [{ errorType: 'Unauthorized', path: ['buyTicket'] }] });
    expect(await ticketsOf(event.id)).toEqual([]);
  });

  it('rejects an email that is not an AWSEmail before anything runs', async () => {
    const { body } = await graphql(BUY_TICKET, { eventId: 'any', email: 'not-an-email' }, fan);
    expect(body.errors?.[0]?.message).toMatch(/AWSEmail/);
    expect(dataSourceCalls).toEqual([]);
  });
});

describe('serverless.yml', () => {
  const config = parse(readFileSync(new URL('../serverless.yml', import.meta.url), 'utf8'));
  const statements: Array<{ Action: string | string[]; Resource: unknown[] }> = config.provider.iam.role.statements;
  const allowed = (action: string) => statements.filter((statement) => [statement.Action].flat().includes(action)).flatMap((statement) => statement.Resource);

  it('deploys a table for each DynamoDB data source and lets the function use it, in transactions too', () => {
    const dataSources = Object.values<{ type: string; config?: { tableName?: { Ref: string } } }>(config.appSync.dataSources);
    const tables = dataSources.filter((source) => source.type === 'AMAZON_DYNAMODB').map((source) => source.config!.tableName!.Ref);
    expect(tables).toEqual(['EventsTable', 'TicketsTable']);
    for (const table of tables) {
      expect(config.resources.Resources[table].Type).toBe('AWS::DynamoDB::Table');
      for (const action of ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Scan']) expect(allowed(action), action).toContainEqual({ 'Fn::GetAtt': [table, 'Arn'] });
    }
  });

  it('lets the API invoke the ticket-codes function the Lambda data source names, and routes the HTTP API to the handler', () => {
    expect(config.appSync.dataSources.ticketCodes).toEqual({ type: 'AWS_LAMBDA', config: { functionName: 'ticketCodes' } });
    expect(config.functions.ticketCodes.handler).toBe('dist/ticket-codes.handler');
    expect(allowed('lambda:InvokeFunction')).toEqual([{ 'Fn::GetAtt': ['TicketCodesLambdaFunction', 'Arn'] }]);
    expect(config.provider.environment.TICKET_CODES_FUNCTION).toBe('${self:service}-${sls:stage}-ticketCodes');
    expect(config.functions.api).toEqual({ handler: 'dist/handler.handler', events: [{ httpApi: 'POST /graphql' }, { httpApi: 'GET /graphql' }] });
  });
});
