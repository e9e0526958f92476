/**
 * The table contract of the real-time records: which attributes hold the table's key, which global
 * secondary indexes the store queries (and their key attributes), and which attribute is the
 * table's TTL. The defaults are the layout documented in store.ts; a table deployed with other
 * names passes them instead. The key values (`WSCONN#…`, `WSSUB#…`, `WSINV#…`) are the store's own.
 */

/** A global secondary index the store queries by partition key and writes the sort key of. */
export interface RealtimeIndexContract {
  /** The index name, as in the table's `GlobalSecondaryIndexes`. */
  name: string;
  /** Its partition key attribute (a string). */
  partitionKey: string;
  /** Its sort key attribute (a string). */
  sortKey: string;
}

/** The attribute and index names the real-time records use in their table. */
export interface RealtimeTableContract {
  /** The table's partition key attribute (a string). */
  partitionKey: string;
  /** The table's sort key attribute (a string). */
  sortKey: string;
  /** The index fan-out queries: subscriptions by field and filter key. */
  subscriptionIndex: RealtimeIndexContract;
  /** The index invalidation queries: subscriptions with an invalidation filter, by field and key. */
  invalidationIndex: RealtimeIndexContract;
  /** The table's TTL attribute (`TimeToLiveSpecification.AttributeName`): epoch seconds. */
  ttlAttribute: string;
}

/** What a caller may override; every name left out keeps its default. */
export interface RealtimeTableContractOptions {
  partitionKey?: string;
  sortKey?: string;
  subscriptionIndex?: Partial<RealtimeIndexContract>;
  invalidationIndex?: Partial<RealtimeIndexContract>;
  ttlAttribute?: string;
}

/** The single-table layout the engine has always used: PK/SK, GSI1 and GSI2, TTL on `expiresAt`. */
export const DEFAULT_REALTIME_TABLE_CONTRACT: Readonly<RealtimeTableContract> = Object.freeze({
  partitionKey: 'PK',
  sortKey: 'SK',
  subscriptionIndex: Object.freeze({ name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' }),
  invalidationIndex: Object.freeze({ name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' }),
  ttlAttribute: 'expiresAt',
});

const isName = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * The contract with the defaults filled in, checked once: every name a non-empty string, the
 * attributes all different (each holds a value of its own) and none of them one the records
 * already use (`reserved`), and the two indexes different.
 */
export function resolveTableContract(options: RealtimeTableContractOptions = {}, reserved: readonly string[] = []): RealtimeTableContract {
  const defaults = DEFAULT_REALTIME_TABLE_CONTRACT;
  const contract: RealtimeTableContract = {
    partitionKey: options.partitionKey ?? defaults.partitionKey,
    sortKey: options.sortKey ?? defaults.sortKey,
    subscriptionIndex: { ...defaults.subscriptionIndex, ...options.subscriptionIndex },
    invalidationIndex: { ...defaults.invalidationIndex, ...options.invalidationIndex },
    ttlAttribute: options.ttlAttribute ?? defaults.ttlAttribute,
  };
  const attributes: Array<[string, unknown]> = [
    ['partitionKey', contract.partitionKey],
    ['sortKey', contract.sortKey],
    ['subscriptionIndex.partitionKey', contract.subscriptionIndex.partitionKey],
    ['subscriptionIndex.sortKey', contract.subscriptionIndex.sortKey],
    ['invalidationIndex.partitionKey', contract.invalidationIndex.partitionKey],
    ['invalidationIndex.sortKey', contract.invalidationIndex.sortKey],
    ['ttlAttribute', contract.ttlAttribute],
  ];
  const names: Array<[string, unknown]> = [...attributes, ['subscriptionIndex.name', contract.subscriptionIndex.name], ['invalidationIndex.name', contract.invalidationIndex.name]];
  for (const [place, value] of names) {
    if (!isName(value)) throw new Error(`The real-time table contract's ${place} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  const seen = new Map<unknown, string>();
  for (const [place, value] of attributes) {
    const other = seen.get(value);
    if (other) throw new Error(`The real-time table contract names attribute "${String(value)}" twice: ${other} and ${place}`);
    if (reserved.includes(value as string)) throw new Error(`The real-time table contract's ${place} "${String(value)}" is an attribute of the records themselves`);
    seen.set(value, place);
  }
  if (contract.subscriptionIndex.name === contract.invalidationIndex.name) {
    throw new Error(`The real-time table contract names index "${contract.subscriptionIndex.name}" twice: subscriptionIndex and invalidationIndex`);
  }
  return contract;
}
