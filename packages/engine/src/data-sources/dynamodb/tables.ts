/**
 * Table names in batch and transaction requests (contract DDB-05): a request may name a table by
 * its logical name (or deploy-time placeholder) from the runtime's table map, or by its real name.
 * Results are keyed by the name the request used; other tables are out of reach.
 */
import { MappingTemplateError } from '../../core/errors';
import type { DynamoDBCallContext } from './context';

/** The real name of the table a request names. */
export function resolveTable(name: unknown, call: Pick<DynamoDBCallContext, 'tables'>, where: string): string {
  if (typeof name !== 'string' || name === '') throw new MappingTemplateError(`${where} must name a table`);
  if (Object.hasOwn(call.tables, name)) return call.tables[name]!;
  if (Object.values(call.tables).includes(name)) return name;
  throw new MappingTemplateError(`${where} names the table "${name}", which is not configured for this API`);
}

/** The `tables` map of a batch request as [name used, real name, payload] entries. */
export function tableEntries(request: Record<string, unknown>, call: Pick<DynamoDBCallContext, 'tables'>): Array<[string, string, unknown]> {
  const { tables } = request;
  if (tables === null || typeof tables !== 'object' || Array.isArray(tables) || Object.keys(tables).length === 0) {
    throw new MappingTemplateError(`${String(request.operation)} requires tables, a map of table names to their requests`);
  }
  const seen = new Map<string, string>();
  return Object.entries(tables).map(([name, payload]) => {
    const real = resolveTable(name, call, `tables.${name}`);
    const earlier = seen.get(real);
    if (earlier !== undefined) throw new MappingTemplateError(`tables names the same table twice ("${earlier}" and "${name}")`);
    seen.set(real, name);
    return [name, real, payload];
  });
}

/** A list of typed keys given as a bare array or as `{ keys: [...] }` (GAP-01). */
export function keyList(payload: unknown, where: string): unknown[] {
  if (Array.isArray(payload)) return payload;
  const keys = (payload as { keys?: unknown } | null)?.keys;
  if (Array.isArray(keys)) return keys;
  throw new MappingTemplateError(`${where} must be a list of keys or { keys: [...] }`);
}
