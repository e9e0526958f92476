/**
 * Drives the DynamoDB data source directly against the test file's DynamoDB Local database, with
 * the client's `send` wrapped to record every command (instrumentation; the real client runs), and
 * an optional interceptor for faults DynamoDB Local cannot produce.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '@appsync-lambda/dynamodb-local';
import { runDynamoDBRequest, type DataSourceOutcome, type DynamoDBCallContext } from '@appsync-lambda/engine/testing';
import { createTestDatabase, TEST_TABLE, type TestDatabase } from '../../../helpers/database';

export type Command = { constructor: { name: string }; input: Record<string, any> };
/**
 * Returns a crafted output (or throws) for a command, or undefined to let the real client answer;
 * `attempt` counts the commands of that name since the interceptor was set, from 1.
 */
export type Interceptor = (command: Command, attempt: number) => unknown;

export interface DataSourceHarness {
  db: TestDatabase;
  /** A second table, reachable by the logical name `other`. */
  otherTable: string;
  /** Names of the commands sent so far, e.g. `BatchGetCommand`. */
  calls: string[];
  /** The commands sent so far, with their input. */
  commands: Command[];
  client: DynamoDBDocumentClient;
  call: DynamoDBCallContext;
  run(request: unknown, overrides?: Partial<DynamoDBCallContext>): Promise<DataSourceOutcome & { result: any }>;
  intercept(interceptor: Interceptor | undefined): void;
}

/** A document client whose `send` records each command before the real client runs it. */
export function countingClient(db: TestDatabase, calls: string[], intercepted: () => ((command: Command) => unknown) | undefined = () => undefined,
  commands: Command[] = [],
): DynamoDBDocumentClient {
  const client = DynamoDBDocumentClient.from(db.client, { marshallOptions: { removeUndefinedValues: true } });
  const send = client.send.bind(client) as (command: unknown) => Promise<unknown>;
  client.send = (async (command: Command) => {
    calls.push(command.constructor.name);
    commands.push(command);
    const crafted = await intercepted()?.(command);
    return crafted === undefined ? send(command) : crafted;
  }) as unknown as DynamoDBDocumentClient['send'];
  return client;
}

export async function createHarness(): Promise<DataSourceHarness> {
  const db = await createTestDatabase();
  const otherTable = `${db.tableName}-other`;
  await ensureTable(db.client, otherTable, TEST_TABLE);
  const calls: string[] = [];
  const commands: Command[] = [];
  let interceptor: ((command: Command) => unknown) | undefined;
  const client = countingClient(db, calls, () => interceptor, commands);
  const call: DynamoDBCallContext = {
    client,
    tableName: db.tableName,
    tables: { main: db.tableName, other: otherTable, '#OTHER_TABLE#': otherTable },
    resolverId: 'Query.test',
    secret: 'test-secret',
  };
  return {
    db,
    otherTable,
    calls,
    commands,
    client,
    call,
    run: (request, overrides) => runDynamoDBRequest(request, { ...call, ...overrides }) as Promise<DataSourceOutcome & { result: any }>,
    intercept(next) {
      const attempts = new Map<string, number>();
      interceptor = next
        ? (command) => {
            const name = command.constructor.name;
            attempts.set(name, (attempts.get(name) ?? 0) + 1);
            return next(command, attempts.get(name)!);
          }
        : undefined;
    },
  };
}
