/** Batch and transaction request builders of `@aws-appsync/utils/dynamodb` (MOD-08, MOD-09). */
import type * as Official from '@aws-appsync/utils/dynamodb';
import { filterExpression, mapValues, present, projection } from './expressions';
import { compileUpdate } from './update';

type Request<F extends (...args: never[]) => unknown> = ReturnType<F>;

function tablesOf<T, R>(tables: Record<string, T> | undefined, build: (entry: T, table: string) => R): Record<string, R> {
  if (!tables || typeof tables !== 'object') throw new TypeError('a batch request needs tables: { [tableName]: ... }');
  return Object.fromEntries(Object.entries(tables).map(([table, entry]) => [table, build(entry, table)]));
}

const listOf = (value: unknown, what: string): unknown[] => {
  if (!Array.isArray(value)) throw new TypeError(`${what} must be a list`);
  return value;
};

/** A BatchGetItem request: keys converted per table (MOD-08, DDB-30). */
export const batchGet: typeof Official.batchGet = (payload) => ({
  operation: 'BatchGetItem',
  tables: tablesOf(payload.tables, (entry, table) =>
    present({
      keys: listOf(entry?.keys, `tables.${table}.keys`).map((key) => mapValues(key, 'key')),
      consistentRead: entry.consistentRead,
      projection: projection(entry.projection),
    }) as { keys: Record<string, unknown>[] },
  ),
});

/** A BatchPutItem request: full items per table (MOD-08, DDB-31). */
export const batchPut: typeof Official.batchPut = (payload) => ({
  operation: 'BatchPutItem',
  tables: tablesOf(payload.tables, (items, table) => listOf(items, `tables.${table}`).map((item) => mapValues(item, 'item'))),
});

/** A BatchDeleteItem request: keys per table (MOD-08, DDB-32). */
export const batchDelete: typeof Official.batchDelete = (payload) => ({
  operation: 'BatchDeleteItem',
  tables: tablesOf(payload.tables, (keys, table) => listOf(keys, `tables.${table}`).map((key) => mapValues(key, 'key'))),
});

/** A TransactGetItems request (MOD-09, DDB-40). */
export const transactGet: typeof Official.transactGet = (payload) => ({
  operation: 'TransactGetItems',
  transactItems: listOf(payload.items, 'items').map((item) => {
    const { table, key, projection: paths } = item as { table: string; key: unknown; projection?: unknown };
    return present({ table, key: mapValues(key, 'key'), projection: projection(paths) }) as { table: string; key: Record<string, unknown> };
  }),
});

type WriteItem = { table: string; key: unknown; item?: unknown; update?: unknown; condition?: unknown };

/** One transaction entry: `{ putItem }`, `{ updateItem }`, `{ deleteItem }` or `{ conditionCheck }` (MOD-09, DDB-41). */
function transactItem(entry: unknown) {
  const { putItem, updateItem, deleteItem, conditionCheck } = (entry ?? {}) as Record<string, WriteItem | undefined>;
  const base = (item: WriteItem, operation: string) => ({ table: item.table, operation, key: mapValues(item.key, 'key') });
  if (putItem) return present({ ...base(putItem, 'PutItem'), attributeValues: mapValues(putItem.item, 'item'), condition: filterExpression(putItem.condition) });
  if (updateItem) return present({ ...base(updateItem, 'UpdateItem'), update: compileUpdate(updateItem.update), condition: filterExpression(updateItem.condition) });
  if (deleteItem) return present({ ...base(deleteItem, 'DeleteItem'), condition: filterExpression(deleteItem.condition) });
  if (conditionCheck) return present({ ...base(conditionCheck, 'ConditionCheck'), condition: filterExpression(conditionCheck.condition) });
  throw new TypeError('each transactWrite item needs one of putItem, updateItem, deleteItem or conditionCheck');
}

/** A TransactWriteItems request with `operation` set per entry and updates compiled as in `update()`. */
export const transactWrite: typeof Official.transactWrite = (payload) =>
  ({
    operation: 'TransactWriteItems',
    transactItems: listOf(payload.items, 'items').map(transactItem),
  }) as Request<typeof Official.transactWrite>;
