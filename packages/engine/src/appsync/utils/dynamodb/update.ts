/**
 * `operations.*` and the update expression `update()` compiles from an update object (contract
 * MOD-04, MOD-11). Recorded AppSync output: names `#expName_<n>` and values `:expValue_<n>` numbered
 * from 1 in iteration order, all SET actions in one clause joined with `, `.
 */
import type * as Official from '@aws-appsync/utils/dynamodb';
import { toDynamoDB, type TypedValue } from '../../util/dynamodb';

/** The tags AppSync puts on operation objects (MOD-11: `{ type: 'OPERATION_INCREMENT', by: 10 }`). */
const TYPES = {
  add: 'OPERATION_ADD',
  remove: 'OPERATION_REMOVE',
  replace: 'OPERATION_REPLACE',
  increment: 'OPERATION_INCREMENT',
  decrement: 'OPERATION_DECREMENT',
  append: 'OPERATION_APPEND',
  prepend: 'OPERATION_PREPEND',
  updateListItem: 'OPERATION_UPDATE_LIST_ITEM',
} as const;

type Operation = { type: (typeof TYPES)[keyof typeof TYPES]; value?: unknown; by?: number; items?: unknown[]; index?: number };

/** The `operations` helpers: opaque markers for `update()`, shaped like AppSync's (MOD-11). */
export const operations = {
  add: (value: unknown) => ({ type: TYPES.add, value }),
  remove: () => ({ type: TYPES.remove }),
  replace: (value: unknown) => ({ type: TYPES.replace, value }),
  increment: (by = 1) => ({ type: TYPES.increment, by }),
  decrement: (by = 1) => ({ type: TYPES.decrement, by }),
  append: (items: unknown[]) => ({ type: TYPES.append, items }),
  prepend: (items: unknown[]) => ({ type: TYPES.prepend, items }),
  updateListItem: (value: unknown, index: number) => ({ type: TYPES.updateListItem, value, index }),
} as unknown as typeof Official.operations;

const KNOWN = new Set<string>(Object.values(TYPES));

function isOperation(value: unknown): value is Operation {
  return value !== null && typeof value === 'object' && KNOWN.has((value as { type?: unknown }).type as string);
}

const isListItemUpdates = (value: unknown): value is Operation[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => isOperation(item) && item.type === TYPES.updateListItem);

// Undefined members are absent, so they must not claim a placeholder DynamoDB would see unused.
const definedEntries = (object: object) => Object.entries(object).filter(([, value]) => value !== undefined);

/** The `update` block of an UpdateItem request. */
export interface UpdateExpression {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, TypedValue>;
}

class UpdateBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, TypedValue> = {};
  readonly sets: string[] = [];
  readonly removes: string[] = [];

  name(attribute: string): string {
    const placeholder = `#expName_${Object.keys(this.names).length + 1}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }

  value(value: unknown): string {
    const placeholder = `:expValue_${Object.keys(this.values).length + 1}`;
    this.values[placeholder] = toDynamoDB(value) as unknown as TypedValue;
    return placeholder;
  }

  /** One entry of the update object at the document path `path` (already placeholders). */
  entry(path: string, value: unknown): void {
    if (value === undefined) return;
    if (isOperation(value)) return this.operation(path, value);
    if (isListItemUpdates(value)) {
      for (const item of value) {
        if (!Number.isInteger(item.index) || (item.index as number) < 0) throw new TypeError('updateListItem needs a list index >= 0');
        this.sets.push(`${path}[${item.index}] = ${this.value(item.value)}`);
      }
      return;
    }
    const members = value !== null && typeof value === 'object' && !Array.isArray(value) ? definedEntries(value) : [];
    if (members.length > 0) {
      // A plain object updates only the paths it names; `replace` swaps the whole value.
      for (const [key, inner] of members) this.entry(`${path}.${this.name(key)}`, inner);
      return;
    }
    this.sets.push(`${path} = ${this.value(value)}`);
  }

  private operation(path: string, op: Operation): void {
    switch (op.type) {
      case TYPES.remove:
        this.removes.push(path);
        return;
      case TYPES.increment:
      case TYPES.decrement: {
        const sign = op.type === TYPES.increment ? '+' : '-';
        this.sets.push(`${path} = ${path} ${sign} ${this.value(op.by ?? 1)}`);
        return;
      }
      case TYPES.append:
        this.sets.push(`${path} = list_append(${path}, ${this.value(op.items)})`);
        return;
      case TYPES.prepend:
        this.sets.push(`${path} = list_append(${this.value(op.items)}, ${path})`);
        return;
      case TYPES.updateListItem:
        return this.entry(path, [op]);
      default:
        // add and replace both SET the whole value (observed: add is not DynamoDB's ADD).
        this.sets.push(`${path} = ${this.value(op.value)}`);
    }
  }

  build(): UpdateExpression {
    const clauses = [];
    if (this.sets.length) clauses.push(`SET ${this.sets.join(', ')}`);
    if (this.removes.length) clauses.push(`REMOVE ${this.removes.join(', ')}`);
    return { expression: clauses.join(' '), expressionNames: this.names, expressionValues: this.values };
  }
}

/** Compiles an update object (plain values, nested objects and `operations.*`) to an update expression. */
export function compileUpdate(update: unknown): UpdateExpression {
  if (update === null || typeof update !== 'object' || Array.isArray(update)) {
    throw new TypeError('update() needs an update object of attribute names to values or operations');
  }
  const builder = new UpdateBuilder();
  for (const [attribute, value] of definedEntries(update)) builder.entry(builder.name(attribute), value);
  return builder.build();
}
