/** What the events example's tests share: its tables, created from serverless.yml, and a weather service. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import type { AuthConfig } from '@appsync-lambda/engine';
import type { TableDefinition } from '@appsync-lambda/dynamodb-local';
import { createTestDatabase, type TestDatabase } from '@appsync-lambda/dynamodb-local/vitest';
import { TEST_CLIENT_ID, testUserPool, type SigningKey } from '@appsync-lambda/test-support';

/** The real names the tests give the tables serverless.yml names with `{ Ref: … }`. */
export const TABLES = { events: 'events-api-test-events', tickets: 'events-api-test-tickets' };

/** A database of the test file's own holding the tables serverless.yml deploys (its resources), under the test's names. */
export function createTables(): Promise<TestDatabase> {
  const config = parse(readFileSync(new URL('../serverless.yml', import.meta.url), 'utf8'));
  const names: Record<string, string> = { EventsTable: TABLES.events, TicketsTable: TABLES.tickets };
  const tables = Object.entries<{ Type: string; Properties: TableDefinition }>(config.resources.Resources)
    .filter(([, resource]) => resource.Type === 'AWS::DynamoDB::Table')
    .map(([logicalId, resource]) => [names[logicalId]!, resource.Properties] as const);
  return createTestDatabase(Object.fromEntries(tables));
}

/** The weather service: forecasts by city; Atlantis is unknown (404), Stormville's forecaster is down (503). */
export async function startWeatherService(): Promise<{ url: string; requests: URL[]; server: Server }> {
  const requests: URL[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://weather');
    requests.push(url);
    const city = url.searchParams.get('city');
    if (url.pathname !== '/forecast' || city === 'Atlantis') return response.writeHead(404).end();
    if (city === 'Stormville') return response.writeHead(503).end('down for maintenance');
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ city, date: url.searchParams.get('date'), summary: 'Sunny', temperatureC: 24.5 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}


/** The example's authorization as its tests deploy it: API keys by default, the test user pool beside. */
export function testAuth(signingKey: SigningKey, apiKey: string): AuthConfig {
  return {
    defaultMode: 'API_KEY',
    additionalModes: ['AMAZON_COGNITO_USER_POOLS'],
    apiKeys: [apiKey],
    cognito: testUserPool(signingKey, { clientIds: [TEST_CLIENT_ID] }),
  };
}
