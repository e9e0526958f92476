/**
 * A request's view of the DynamoDB client that asks DynamoDB for the capacity each call consumed
 * (`ReturnConsumedCapacity: TOTAL`) and reports it, split into read and write request units. Used
 * only when the request's observer listens (core/hooks.ts `onConsumedCapacity`): the metrics and the
 * cost of a request come from it.
 */
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

/** Request units one call consumed. */
export interface ConsumedCapacity {
  readUnits: number;
  writeUnits: number;
}

type Capacity = { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number };
type Sendable = { input: Record<string, unknown> };

const READS: readonly (abstract new (...args: never[]) => unknown)[] = [GetCommand, QueryCommand, ScanCommand, BatchGetCommand, TransactGetCommand];
const WRITES: readonly (abstract new (...args: never[]) => unknown)[] = [PutCommand, UpdateCommand, DeleteCommand, BatchWriteCommand, TransactWriteCommand];

function units(consumed: Capacity | Capacity[] | undefined, isRead: boolean): ConsumedCapacity {
  let readUnits = 0;
  let writeUnits = 0;
  for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
    if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      readUnits += entry.ReadCapacityUnits ?? 0;
      writeUnits += entry.WriteCapacityUnits ?? 0;
    } else if (isRead) readUnits += entry.CapacityUnits ?? 0;
    else writeUnits += entry.CapacityUnits ?? 0;
  }
  return { readUnits, writeUnits };
}

/** `client`, with every read and write metered to `report`; the client itself is shared and unchanged. */
export function meteredClient(client: DynamoDBDocumentClient, report: (consumed: ConsumedCapacity) => void): DynamoDBDocumentClient {
  const send = async (command: Sendable, options?: unknown) => {
    const isRead = READS.some((type) => command instanceof type);
    const metered = isRead || WRITES.some((type) => command instanceof type);
    if (metered) command.input.ReturnConsumedCapacity ??= 'TOTAL';
    const output = (await (client.send as (command: Sendable, options?: unknown) => Promise<{ ConsumedCapacity?: Capacity | Capacity[] }>)(command, options)) ?? {};
    if (metered) report(units(output.ConsumedCapacity, isRead));
    return output;
  };
  return new Proxy(client, { get: (target, property, receiver) => (property === 'send' ? send : Reflect.get(target, property, receiver)) });
}
