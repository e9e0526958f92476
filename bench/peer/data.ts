/**
 * The peer's data access: DynamoDB Document Client calls on the API's single-table layout
 * (src/data/keys.ts), and per-request DataLoaders that batch the nested by-id lookups into one
 * BatchGetItem per entity type and tick, as a team would to avoid N+1 reads. Pages never end on an
 * empty last page: DynamoDB returns a LastEvaluatedKey whenever it stops at `Limit`, so a page reads
 * ahead before handing out a token (see {@link settle}).
 */
import { BatchGetCommand, GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import {
  allCompanies,
  applicationsOfCandidate,
  applicationsOfJob,
  candidateKey,
  candidateOfUser,
  GSI1,
  GSI2,
  jobCountsKey,
  jobKey,
  jobsOfCompany,
  locationKey,
  notesOfApplication,
  openJobs as openJobsPartition,
  openJobsAt,
  openJobsOfCompany,
  type Key,
} from '../../src/data/keys';

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

/** Extra reads a filtered page may make past its end, per purpose; and the items each evaluates (at least the page's limit). */
const MAX_READ_AHEADS = 3;
const READ_AHEAD_ITEMS = 100;

type QueryOutput = { Items?: Item[]; Count?: number; LastEvaluatedKey?: Item };
type ReadFrom = (start: Item, limit: number) => Promise<QueryOutput>;

/**
 * The page to hand out and where the next one starts (undefined when nothing follows). A filtered
 * page that matched nothing while more items follow is replaced by the matches of the next items
 * (cut at `limit`, its key the last match's); then, from the page's LastEvaluatedKey, one item
 * (unfiltered) or the next items (filtered, skipping ranges with no match) tell whether a next page
 * holds anything. Up to {@link MAX_READ_AHEADS} extra reads each; a failed one keeps the key.
 */
async function settle(first: QueryOutput, limit: number, filtered: boolean, keyNames: string[], readFrom: ReadFrom): Promise<{ items: Item[]; next: Item | undefined }> {
  let page = first;
  if (filtered) {
    try {
      for (let round = 0; round < MAX_READ_AHEADS && page.LastEvaluatedKey && (page.Items ?? []).length === 0; round++) {
        const range = await readFrom(page.LastEvaluatedKey, Math.max(limit, READ_AHEAD_ITEMS));
        const items = range.Items ?? [];
        page = items.length > limit ? { Items: items.slice(0, limit), LastEvaluatedKey: Object.fromEntries(keyNames.map((name) => [name, items[limit - 1]![name]])) } : range;
      }
    } catch {
      // The empty page read so far is still a right page.
    }
  }
  let next = page.LastEvaluatedKey;
  for (let round = 0; next && round < (filtered ? MAX_READ_AHEADS : 1); round++) {
    let ahead: QueryOutput;
    try {
      ahead = await readFrom(next, filtered ? Math.max(limit, READ_AHEAD_ITEMS) : 1);
    } catch {
      break;
    }
    if ((ahead.Count ?? ahead.Items?.length ?? 0) > 0) break;
    next = ahead.LastEvaluatedKey;
  }
  return { items: page.Items ?? [], next };
}

interface PageQuery {
  /** The table's when undefined. */
  index?: string;
  pk: [string, string];
  /** The sort key and the prefix its values begin with; the whole partition when undefined. */
  sk?: [string, string];
  forward: boolean;
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
}

/** The key attributes of a LastEvaluatedKey: the table's, and the index's when reading one. */
const keyNamesOf = (request: PageQuery) => ['PK', 'SK', ...(request.index ? [request.pk[0], ...(request.sk ? [request.sk[0]] : [`${request.index}SK`])] : [])];

/** A page of one partition (of the table when `index` is undefined), with no empty last page. */
async function queryPage(store: Store, request: PageQuery, limit: number, nextToken?: string | null): Promise<Page> {
  const input = {
    TableName: store.table,
    IndexName: request.index,
    KeyConditionExpression: request.sk ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
    ...(request.filter ? { FilterExpression: request.filter.expression } : {}),
    ExpressionAttributeNames: { '#pk': request.pk[0], ...(request.sk ? { '#sk': request.sk[0] } : {}), ...request.filter?.names },
    ExpressionAttributeValues: { ':pk': request.pk[1], ...(request.sk ? { ':prefix': request.sk[1] } : {}), ...request.filter?.values },
    ScanIndexForward: request.forward,
  };
  const readFrom: ReadFrom = (start, Limit) => store.doc.send(new QueryCommand({ ...input, Limit, ExclusiveStartKey: start }));
  const first = await store.doc.send(new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: decodeToken(nextToken) }));
  const { items, next } = await settle(first, limit, request.filter !== undefined, keyNamesOf(request), readFrom);
  return { items, nextToken: encodeToken(next) };
}

export function jobsByCompany(store: Store, companyId: string, limit: number, nextToken?: string | null): Promise<Page> {
  const { GSI1PK, prefix } = jobsOfCompany(companyId);
  return queryPage(store, { index: GSI1, pk: ['GSI1PK', GSI1PK], sk: ['GSI1SK', prefix], forward: false }, limit, nextToken);
}

export interface OpenJobsFilter {
  companyId?: string | null;
  location?: string | null;
  remote?: boolean | null;
  employmentType?: string | null;
}

/**
 * A page of the job board, OPEN jobs newest first, from a sparse index: the company's (GSI4), else
 * the location's (GSI5), else every open job (GSI3); the other filter fields filter that partition.
 */
export function openJobs(store: Store, filter: OpenJobsFilter, limit: number, nextToken?: string | null): Promise<Page> {
  const { index, partition } = filter.companyId ? openJobsOfCompany(filter.companyId) : filter.location ? openJobsAt(filter.location) : openJobsPartition();
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (filter.companyId && filter.location) {
    conditions.push('#locationKey = :location');
    names['#locationKey'] = 'GSI5PK';
    values[':location'] = `OPEN#LOCATION#${locationKey(filter.location)}`;
  }
  if (filter.remote != null) {
    conditions.push('#remote = :remote');
    names['#remote'] = 'remote';
    values[':remote'] = filter.remote;
  }
  if (filter.employmentType) {
    conditions.push('#employmentType = :employmentType');
    names['#employmentType'] = 'employmentType';
    values[':employmentType'] = filter.employmentType;
  }
  const filterExpression = conditions.length ? { expression: conditions.join(' AND '), names, values } : undefined;
  return queryPage(store, { index, pk: [partition.name, partition.value], forward: false, filter: filterExpression }, limit, nextToken);
}

/** A page of companies by name, regardless of letter case. */
export function companies(store: Store, limit: number, nextToken?: string | null): Promise<Page> {
  const { GSI1PK, prefix } = allCompanies();
  return queryPage(store, { index: GSI1, pk: ['GSI1PK', GSI1PK], sk: ['GSI1SK', prefix], forward: true }, limit, nextToken);
}

export function applicationsByJob(store: Store, jobId: string, stage: string | null | undefined, limit: number, nextToken?: string | null): Promise<Page> {
  const { GSI1PK, prefix } = applicationsOfJob(jobId, stage);
  return queryPage(store, { index: GSI1, pk: ['GSI1PK', GSI1PK], sk: ['GSI1SK', prefix], forward: true }, limit, nextToken);
}

/** A page of a candidate's applications, newest first; with `companyIds`, only those to these companies' jobs. */
export function applicationsByCandidate(store: Store, candidateId: string, limit: number, nextToken?: string | null, companyIds?: string[]): Promise<Page> {
  const { GSI2PK, prefix } = applicationsOfCandidate(candidateId);
  const filter = companyIds
    ? {
        expression: `#companyId IN (${companyIds.map((_, i) => `:company${i}`).join(', ')})`,
        names: { '#companyId': 'companyId' },
        values: Object.fromEntries(companyIds.map((companyId, i) => [`:company${i}`, companyId])),
      }
    : undefined;
  return queryPage(store, { index: GSI2, pk: ['GSI2PK', GSI2PK], sk: ['GSI2SK', prefix], forward: false, filter }, limit, nextToken);
}

/** A page of the table partition `pk`, by sort key, of the items whose sort key begins with `prefix`. */
export function queryPartition(store: Store, pk: string, prefix: string, limit: number, nextToken?: string | null): Promise<Page> {
  return queryPage(store, { pk: ['PK', pk], sk: ['SK', prefix], forward: true }, limit, nextToken);
}

/** A page of an application's notes, newest first (they share its partition). */
export function notesByApplication(store: Store, applicationId: string, limit: number, nextToken?: string | null): Promise<Page> {
  const { PK, prefix } = notesOfApplication(applicationId);
  return queryPage(store, { pk: ['PK', PK], sk: ['SK', prefix], forward: false }, limit, nextToken);
}

/** The candidate linked to the user `sub`, or null. */
export async function candidateOfUserSub(store: Store, sub: string): Promise<Item | null> {
  const { GSI1PK, prefix } = candidateOfUser(sub);
  const { Items } = await store.doc.send(
    new QueryCommand({
      TableName: store.table,
      IndexName: GSI1,
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
      ExpressionAttributeValues: { ':pk': GSI1PK, ':prefix': prefix },
      Limit: 1,
    }),
  );
  return Items?.[0] ?? null;
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
  /** A job's counts item (JOB#<id> / #COUNTS), null before its first application. */
  counts: DataLoader<string, Item | null>;
  candidate: DataLoader<string, Item | null>;
}

export function createLoaders(store: Store): Loaders {
  return { job: byIdLoader(store, jobKey), counts: byIdLoader(store, jobCountsKey), candidate: byIdLoader(store, candidateKey) };
}
