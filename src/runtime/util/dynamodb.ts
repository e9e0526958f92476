/** `util.dynamodb`: plain values to AppSync's typed DynamoDB values (contract UTIL-D*). */
export type TypedValue = Record<string, unknown>;

export function toDynamoDB(value: unknown): TypedValue {
  if (value === null) return { NULL: null };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toDynamoDB) };
  if (typeof value === 'object') return { M: toMapValues(value as Record<string, unknown>) };
  throw new TypeError(`Cannot convert ${typeof value} to a DynamoDB value`);
}

export function toMapValues(map: Record<string, unknown>): Record<string, TypedValue> {
  const out: Record<string, TypedValue> = {};
  for (const [key, value] of Object.entries(map)) {
    if (value !== undefined) out[key] = toDynamoDB(value);
  }
  return out;
}
