/**
 * The hiring API behind the real handler, talking to DynamoDB Local through a fault proxy with the
 * client the deployed handler builds (the engine's `createDynamoDBClient`), and its log lines captured.
 * Close the proxy after the file's tests (`afterAll(() => faulty.proxy.close())`).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { inject, vi } from 'vitest';
import { createDynamoDBClient, DYNAMODB_CLIENT_DEFAULTS, type ClientOverrides, type DynamoDBClientSettings, type RefillingRetryStrategy } from '@appsync-lambda/engine';
import type { TestApiOptions } from '../../helpers/api';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy';
import { createHiringApi, type HiringApi } from '../../helpers/hiring';

export type LogLine = Record<string, any>;

/** Powertools writes JSON lines through console; these are the lines of one service. */
function captureLogs(serviceName: string): LogLine[] {
  const lines: LogLine[] = [];
  const logger = new Logger({ serviceName, logLevel: 'INFO' });
  for (const level of ['info', 'warn', 'error', 'debug', 'log'] as const) {
    // Powertools' console for this logger only: other output is left alone.
    const console = (logger as unknown as { console: Console }).console;
    vi.spyOn(console, level).mockImplementation((text: unknown) => void lines.push(JSON.parse(String(text))));
  }
  return Object.assign(lines, { logger });
}

export interface FaultyHiring {
  hiring: HiringApi;
  proxy: FaultProxy;
  retryStrategy: RefillingRetryStrategy;
  logs: LogLine[];
  errors(): LogLine[];
}

let serviceCount = 0;

export async function createFaultyHiring(
  settings: Partial<DynamoDBClientSettings> = {},
  options: Omit<TestApiOptions, 'auth' | 'connect' | 'logger'> & { retry?: ClientOverrides['retry'] } = {},
): Promise<FaultyHiring> {
  const proxy = await startFaultProxy({ target: inject('dynamodbEndpoint') });
  serviceCount += 1;
  const logs = captureLogs(`faults-${serviceCount}`);
  let retryStrategy!: RefillingRetryStrategy;
  // These tests are about data-source faults: their ad-hoc documents run as the API key too.
  const hiring = await createHiringApi({
    trustedDocuments: undefined,
    ...options,
    logger: (logs as unknown as { logger: Logger }).logger,
    connect: (db) => {
      const built = createDynamoDBClient(
        { ...DYNAMODB_CLIENT_DEFAULTS, ...settings, endpoint: proxy.endpoint },
        { region: 'local', credentials: { accessKeyId: db.accessKeyId, secretAccessKey: 'local' }, retry: options.retry },
      );
      retryStrategy = built.retryStrategy;
      return built.client;
    },
  });
  return { hiring, proxy, retryStrategy, logs, errors: () => logs.filter((line) => line.level === 'ERROR') };
}
