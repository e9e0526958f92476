/**
 * The expression blocks the `@aws-appsync/utils/dynamodb` helpers emit: conditions and filters
 * (the filter-object grammar, MOD-12), key conditions (MOD-05) and projections (MOD-01, DDB-23).
 */
import { toDynamoDB, toMapValues, type TypedValue } from '../../util/dynamodb';
import { renderFilter, type FilterExpression } from '../../util/transform/dynamodb-filter';

/** The object without its `undefined` and `null` members: absent inputs are omitted (MOD §5). */
export function present<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null)) as Partial<T>;
}

/** A key or item as typed values; `what` names it in the error for a non-object. */
export function mapValues(value: unknown, what: string): Record<string, unknown> {
  const converted: unknown = toMapValues(value as Record<string, unknown>);
  if (!converted) throw new TypeError(`${what} must be an object of attribute names to values`);
  return converted as Record<string, unknown>;
}

/**
 * A condition or filter object as an expression object, or undefined when there is none or it
 * renders to nothing. A filter the grammar cannot express throws (AppSync's transform answers null).
 */
export function filterExpression(filter: unknown): FilterExpression | undefined {
  if (filter === undefined || filter === null) return undefined;
  const rendered = renderFilter(filter, { lenient: true });
  return rendered.expression === '' ? undefined : rendered;
}

// Placeholders may hold only letters, digits and underscores.
const safe = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_');

const KEY_OPERATORS: Record<string, string> = { eq: '=', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** A key-condition object (`{ PK: { eq: 'a' }, SK: { beginsWith: 'b' } }`) as a Query's `query` block. */
export function keyCondition(query: unknown) {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) {
    throw new TypeError('query() needs a key condition object such as { id: { eq: value } }');
  }
  const parts: string[] = [];
  const expressionNames: Record<string, string> = {};
  const expressionValues: Record<string, TypedValue> = {};
  const value = (placeholder: string, operand: unknown) => {
    expressionValues[placeholder] = toDynamoDB(operand) as unknown as TypedValue;
    return placeholder;
  };
  for (const [attribute, operators] of Object.entries(query)) {
    if (operators === undefined) continue;
    if (operators === null || typeof operators !== 'object') throw new TypeError(`key condition on ${attribute} must be an object of operators`);
    const name = `#${safe(attribute)}`;
    expressionNames[name] = attribute;
    for (const [operator, operand] of Object.entries(operators)) {
      if (operand === undefined) continue;
      const base = `:${safe(attribute)}_${operator}`;
      if (KEY_OPERATORS[operator]) parts.push(`${name} ${KEY_OPERATORS[operator]} ${value(base, operand)}`);
      else if (operator === 'beginsWith') parts.push(`begins_with(${name}, ${value(base, operand)})`);
      else if (operator === 'between' && Array.isArray(operand) && operand.length === 2) {
        parts.push(`${name} BETWEEN ${value(`${base}_start`, operand[0])} AND ${value(`${base}_end`, operand[1])}`);
      } else throw new TypeError(`unsupported key condition ${attribute}.${operator}: use eq, lt, le, gt, ge, between [a, b] or beginsWith`);
    }
  }
  if (parts.length === 0) throw new TypeError('query() needs a condition on the partition key');
  return { expression: parts.join(' AND '), expressionNames, expressionValues };
}

/** Attribute paths (`'a'`, `'nested.list[1]'`) as a projection block with one name per path segment. */
export function projection(paths: unknown) {
  if (paths === undefined || paths === null) return undefined;
  if (!Array.isArray(paths) || paths.length === 0) throw new TypeError('projection must be a non-empty list of attribute paths');
  const expressionNames: Record<string, string> = {};
  const placeholders = new Map<string, string>();
  const nameOf = (segment: string) => {
    let placeholder = placeholders.get(segment);
    if (!placeholder) {
      placeholder = `#projection_${placeholders.size}`;
      placeholders.set(segment, placeholder);
      expressionNames[placeholder] = segment;
    }
    return placeholder;
  };
  const expression = paths
    .map((path) => {
      if (typeof path !== 'string' || path === '') throw new TypeError('projection paths must be non-empty strings');
      return path
        .split('.')
        .map((segment) => {
          const [, name = '', indexes = ''] = /^([^[\]]+)((?:\[\d+\])*)$/.exec(segment) ?? [];
          if (!name) throw new TypeError(`invalid projection path ${path}`);
          return `${nameOf(name)}${indexes}`;
        })
        .join('.');
    })
    .join(', ');
  return { expression, expressionNames };
}
