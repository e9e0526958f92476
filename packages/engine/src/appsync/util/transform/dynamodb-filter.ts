/**
 * A filter/condition object (`{ title: { contains: 'x' }, or: [...] }`) to a DynamoDB expression
 * object, with the exact text, placeholder names and parenthesisation AppSync produces (contract
 * UTIL-X1, UTIL-X2, MOD-12; AWS-recorded outputs in the tests).
 *
 * AppSync's layout: every operator is wrapped in parentheses; the parts of one object (fields and
 * groups) are joined with ` AND ` unwrapped; a field with several operators and a group with
 * several members are wrapped once more. Names are `#<field>`, values `:<path><field>_<operator>`
 * where the path records the enclosing groups (`and_0_`, `or_1_`, `not_`).
 */
import { toDynamoDB, type TypedValue } from '../dynamodb';

export interface FilterExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, TypedValue>;
}

export interface RenderOptions {
  /**
   * The `@aws-appsync/utils/dynamodb` helpers follow the type declarations rather than the
   * recorded quirks of `util.transform`: a single object is accepted for `and`/`or`; parts that
   * render to nothing (and their unused names) are left out instead of leaving a dangling ` AND `;
   * `not` of a multi-field object is wrapped; an empty `in` list is rejected rather than `(null)`.
   */
  lenient?: boolean;
}

/** Thrown for a filter AppSync cannot render (it answers `null` for those). */
export class InvalidFilterError extends TypeError {}

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' };
const FUNCTIONS: Record<string, string> = { contains: 'contains', notContains: 'NOT contains', beginsWith: 'begins_with' };
const ATTRIBUTE_TYPES: Record<string, string> = {
  _null: 'NULL',
  string: 'S',
  stringSet: 'SS',
  number: 'N',
  numberSet: 'NS',
  binary: 'B',
  binarySet: 'BS',
  boolean: 'BOOL',
  list: 'L',
  map: 'M',
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

class Renderer {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, TypedValue> = {};

  constructor(private readonly lenient: boolean) {}

  /** One filter object: its fields and groups joined with AND. */
  object(filter: unknown, path: string): string {
    if (!isObject(filter)) throw new InvalidFilterError('a filter must be an object of fields and and/or/not groups');
    const parts: string[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (value === undefined) continue;
      if (key === 'and' || key === 'or') parts.push(this.group(key, value, path));
      else if (key === 'not') parts.push(this.not(value, path));
      else parts.push(this.field(key, value, path));
    }
    return this.join(parts, ' AND ', false);
  }

  private join(parts: string[], joiner: string, wrap: boolean): string {
    const kept = this.lenient ? parts.filter((part) => part !== '') : parts;
    const text = kept.join(joiner);
    return wrap && kept.length > 1 ? `(${text})` : text;
  }

  private group(kind: 'and' | 'or', members: unknown, path: string): string {
    const list = this.lenient && isObject(members) ? [members] : members;
    if (!Array.isArray(list)) throw new InvalidFilterError(`${kind} must be a list of filters`);
    const rendered = list.map((member, i) => this.object(member, `${path}${kind}_${i}_`));
    return this.join(rendered, kind === 'and' ? ' AND ' : ' OR ', true);
  }

  private not(inner: unknown, path: string): string {
    const rendered = this.object(inner, `${path}not_`);
    if (this.lenient && rendered === '') return '';
    // A multi-field object under `not` is unwrapped in AppSync's layout, and NOT binds tighter
    // than AND: the lenient helpers wrap it so the negation covers the whole object.
    const body = this.lenient && isObject(inner) && Object.keys(inner).length > 1 ? `(${rendered})` : rendered;
    return `(NOT ${body})`;
  }

  private field(name: string, operators: unknown, path: string): string {
    if (!isObject(operators)) throw new InvalidFilterError(`field ${name} must map to an object of operators`);
    const rendered = this.operators(`#${name}`, operators, `:${path}${name}_`);
    // An unused name would make DynamoDB reject the request; AppSync's transform keeps it anyway.
    if (!this.lenient || rendered !== '') this.names[`#${name}`] = name;
    return rendered;
  }

  /** The operators applied to one operand (`#a`, or `size(#a)`), AND-ed and wrapped when several. */
  private operators(operand: string, operators: Record<string, unknown>, valuePrefix: string): string {
    const parts: string[] = [];
    for (const [operator, value] of Object.entries(operators)) {
      if (value === undefined) continue;
      parts.push(this.operator(operand, operator, value, valuePrefix));
    }
    return this.join(parts, ' AND ', true);
  }

  private value(placeholder: string, value: unknown): string {
    this.values[placeholder] = toDynamoDB(value) as unknown as TypedValue;
    return placeholder;
  }

  private operator(operand: string, operator: string, value: unknown, prefix: string): string {
    const placeholder = `${prefix}${operator}`;
    const comparison = COMPARISONS[operator];
    if (comparison) return `(${operand} ${comparison} ${this.value(placeholder, value)})`;
    const fn = FUNCTIONS[operator];
    if (fn) return `(${fn}(${operand},${this.value(placeholder, value)}))`;
    switch (operator) {
      case 'between': {
        if (!Array.isArray(value) || value.length < 2) throw new InvalidFilterError('between takes a list of two bounds');
        return `(${operand} BETWEEN ${this.value(`${placeholder}_start`, value[0])} AND ${this.value(`${placeholder}_end`, value[1])})`;
      }
      case 'in': {
        if (!Array.isArray(value)) throw new InvalidFilterError('in takes a list of values');
        // AppSync renders an empty list as `(null)`, which DynamoDB then rejects.
        if (value.length === 0) {
          if (this.lenient) throw new InvalidFilterError('in needs at least one value');
          return '(null)';
        }
        return `(${operand} IN (${value.map((item, i) => this.value(`${placeholder}_${i}`, item)).join(', ')}))`;
      }
      case 'attributeExists': {
        if (typeof value !== 'boolean') throw new InvalidFilterError('attributeExists takes a boolean');
        return `(${value ? 'attribute_exists' : 'attribute_not_exists'}(${operand}))`;
      }
      case 'attributeType': {
        const code = typeof value === 'string' ? ATTRIBUTE_TYPES[value] : undefined;
        if (!code) throw new InvalidFilterError(`attributeType takes one of ${Object.keys(ATTRIBUTE_TYPES).join(', ')}`);
        return `(attribute_type(${operand},${this.value(placeholder, code)}))`;
      }
      case 'size': {
        if (!isObject(value)) throw new InvalidFilterError('size takes an object of operators');
        // AppSync never nests size(): `size: { size: {...} }` only lengthens the value names.
        const inner = operand.startsWith('size(') ? operand : `size(${operand})`;
        return this.operators(inner, value, `${placeholder}_`);
      }
      default:
        throw new InvalidFilterError(`unknown filter operator ${operator}`);
    }
  }
}

/** Renders a filter object; throws {@link InvalidFilterError} where AppSync would answer null. */
export function renderFilter(filter: unknown, options: RenderOptions = {}): FilterExpression {
  const renderer = new Renderer(options.lenient ?? false);
  const expression = renderer.object(filter, '');
  return { expression, expressionNames: renderer.names, expressionValues: renderer.values };
}
