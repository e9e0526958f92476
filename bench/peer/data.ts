/**
 * The peer's data access: DynamoDB Document Client calls on the API's single-table layout
 * (src/data/keys.ts), and per-request DataLoaders that batch the nested by-id lookups into one
 * BatchGetItem per entity type and tick, as a team would to avoid N+1 reads.
 */
import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { applicationsOfCandidate, applicationsOfJob, candidateKey, candidateOfUser, GSI1, GSI2, jobKey, jobsOfCompany, notesOfApplication, type Key } from '../../src/data/keys';

export type Item = Record<string, any>;

export interface Page {
  items: Item[];
  nextToken: string | null;
}

export interface Store {
  doc: DynamoDBDocumentClient;
  table: string;
}

export const DEFAULT_LIMIT = 20;

/** A page token: the last evaluated key, base64url JSON. */
const encodeToken = (key: Record<string, unknown> | undefined) => (key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null);

function decodeToken(token: string | null | undefined): Record<string, unknown> | undefined {
  if (!token) return undefined;
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new GraphQLError('Invalid nextToken', { extensions: { code: 'BAD_USER_INPUT', errorType: 'InvalidNextToken' } });
  }
}

export async function getItem(store: Store, key: Key, consistent = false): Promise<Item | null> {
  const { Item } = await store.doc.send(new GetCommand({ TableName: store.table, Key: key, ConsistentRead: consistent }));
  return Item ?? null;
}

/** A page of one partition (of the table when `index` is undefined), sort keys beginning with `sk[1]`. */
async function queryPage(store: Store, index: string | undefined, pk: [string, string], sk: [string, string], forward: boolean, limit: number, nextToken?: string | null): Promise<Page> {
  const result = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: index,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': pk[0], '#sk': sk[0] },
      ExpressionAttributeValues: { ':pk': pk[1], ':prefix': sk[1] },
      ScanIndexForward: forward,
      Limit: limit,
      ExclusiveStartKey: decodeToken(nextToken),
    }),
  );
  return { items: result.Items ?? [], nextToken: encodeToken(result.LastEvaluatedKey) };
}

export function jobsByCompany(store: Store, companyId: string, limit: number, nextToken?: string | null): Promise<Page> {
  const { GSI1PK, prefix } = jobsOfCompany(companyId);
  return queryPage(store, GSI1, ['GSI1PK', GSI1PK], ['GSI1SK', prefix], false, limit, nextToken);
}

export function applicationsByJob(store: Store, jobId: string, stage: string | null | undefined, limit: number, nextToken?: string | null): Promise<Page> {
  const { GSI1PK, prefix } = applicationsOfJob(jobId, stage);
  return queryPage(store, GSI1, ['GSI1PK', GSI1PK], ['GSI1SK', prefix], true, limit, nextToken);
}

export function applicationsByCandidate(store: Store, candidateId: string, limit: number, nextToken?: string | null): Promise<Page> {
  const { GSI2PK, prefix } = applicationsOfCandidate(candidateId);
  return queryPage(store, GSI2, ['GSI2PK', GSI2PK], ['GSI2SK', prefix], false, limit, nextToken);
}

/** A page of an application's notes, newest first (they share its partition). */
export function notesByApplication(store: Store, applicationId: string, limit: number, nextToken?: string | null): Promise<Page> {
  const { PK, prefix } = notesOfApplication(applicationId);
  return queryPage(store, undefined, ['PK', PK], ['SK', prefix], false, limit, nextToken);
}

/** The candidate linked to the user `sub`, or null. */
export async function candidateOfUserSub(store: Store, sub: string): Promise<Item | null> {
  const { GSI1PK, prefix } = candidateOfUser(sub);
  const { items } = await queryPage(store, GSI1, ['GSI1PK', GSI1PK], ['GSI1SK', prefix], true, 1);
  return items[0] ?? null;
}

/** A loader of items by id: one BatchGetItem (up to 100 keys) per tick, unprocessed keys retried. */
function byIdLoader(store: Store, keyOf: (id: string) => Key): DataLoader<string, Item | null> {
  return new DataLoader<string, Item | null>(
    async (ids) => {
      const found = new Map<string, Item>();
      let keys: Key[] | undefined = ids.map(keyOf);
      while (keys && keys.length > 0) {
        const result = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.table]: { Keys: keys } } }));
        for (const item of result.Responses?.[store.table] ?? []) found.set(item.PK as string, item);
        keys = result.UnprocessedKeys?.[store.table]?.Keys as Key[] | undefined;
      }
      return ids.map((id) => found.get(keyOf(id).PK) ?? null);
    },
    { maxBatchSize: 100 },
  );
}

export interface Loaders {
  job: DataLoader<string, Item | null>;
  candidate: DataLoader<string, Item | null>;
}

export function createLoaders(store: Store): Loaders {
  return { job: byIdLoader(store, jobKey), candidate: byIdLoader(store, candidateKey) };
}
