// The events API's logs (src/logging.ts on the engine's hooks), as an operator reads them: the
// real handler with a real Powertools Logger, its JSON lines captured from stdout/stderr.
import { Logger } from '@aws-lambda-powertools/logger';
import type { HttpApiHandler } from '@appsync-lambda/engine';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphqlEvent, cognitoIdToken, createSigningKey, startLambdaService, type LambdaService } from '@appsync-lambda/test-support';
import { createEventsApi } from '../src/api';
import { loggingHooks } from '../src/logging';
import { createTicketCodesHandler } from '../src/ticket-codes';
import { TABLES, createTables, testAuth } from './support';

const SERVICE = 'events-api-logging-test';
const API_KEY = 'da2-events-logging';
const TICKET_CODES_FUNCTION = 'events-api-logging-ticketCodes';
const signingKey = createSigningKey();

let lines: Array<Record<string, any>> = [];
function capture(stream: NodeJS.WriteStream) {
  const write = stream.write.bind(stream);
  return vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
    const text = String(chunk);
    if (!text.includes(`"service":"${SERVICE}"`)) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    for (const line of text.split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    return true;
  }) as typeof stream.write);
}

let lambda: LambdaService;
let handler: HttpApiHandler;

async function send(query: string, variables: Record<string, unknown>, headers: Record<string, string>, awsRequestId: string) {
  return (await handler(graphqlEvent(query, variables, { headers }), { awsRequestId } as Context, () => undefined)) as APIGatewayProxyStructuredResultV2;
}

beforeAll(async () => {
  const db = await createTables();
  lambda = await startLambdaService({ [TICKET_CODES_FUNCTION]: createTicketCodesHandler('logging-secret') });
  lambda.fault(TICKET_CODES_FUNCTION, 'server-error');
  handler = createEventsApi({
    tables: TABLES,
    ticketCodesFunction: TICKET_CODES_FUNCTION,
    dynamodb: db.doc,
    lambda: lambda.invoker(),
    auth: testAuth(signingKey, API_KEY),
    paginationSecret: 'logging-pagination-secret',
    hooks: loggingHooks(new Logger({ serviceName: SERVICE, logLevel: 'INFO' })),
  });
});
afterAll(() => lambda?.close());
beforeEach(() => {
  lines = [];
  capture(process.stdout);
  capture(process.stderr);
});
afterEach(() => vi.restoreAllMocks());

describe('loggingHooks', () => {
  it('writes one request line with the operation, auth type, status and no errorTypes for a successful request', async () => {
    await send('query Listing { events(limit: 1) { items { id } } }', {}, { 'x-api-key': API_KEY }, 'aws-ok');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'INFO', message: 'request', requestId: 'aws-ok', status: 200, operationName: 'Listing', authType: 'API Key Authorization', errorTypes: [], durationMs: expect.any(Number) }),
    ]);
  });

  it('logs a failed data source once with its coordinate, and the errorType the caller got on the request line', async () => {
    const created = await send('mutation { createEvent(input: { title: "Logged", city: "Lisbon", startsAt: "2027-01-01T20:00:00Z", capacity: 5 }) { id } }', {}, { authorization: cognitoIdToken(signingKey, { 'cognito:groups': ['organizers'] }) }, 'aws-create');
    const eventId = JSON.parse(String(created.body)).data.createEvent.id;
    lines = [];
    await send('mutation Buy($id: ID!) { buyTicket(eventId: $id, email: "a@example.com") { id } }', { id: eventId }, { authorization: cognitoIdToken(signingKey) }, 'aws-buy');
    const failures = lines.filter((line) => line.message !== 'request');
    expect(failures).toEqual([expect.objectContaining({ requestId: 'aws-buy', kind: 'dataSource', coordinate: 'Mutation.buyTicket/issueCode' })]);
    expect(['ERROR', 'WARN']).toContain(failures[0]!.level);
    expect(lines.filter((line) => line.message === 'request')).toEqual([
      expect.objectContaining({ requestId: 'aws-buy', status: 200, operationName: 'Buy', authType: 'User Pool Authorization', errorTypes: ['TicketCodeUnavailable'] }),
    ]);
  });

  it('writes the request line of a request refused before GraphQL with its status and errorType', async () => {
    await send('{ events { items { id } } }', {}, { 'x-api-key': 'da2-wrong' }, 'aws-refused');
    expect(lines).toEqual([expect.objectContaining({ message: 'request', requestId: 'aws-refused', status: 401, errorTypes: ['UnauthorizedException'] })]);
  });
});
