/**
 * AppSync expression objects (`{ expression, expressionNames, expressionValues }`) to the
 * parameters of a DynamoDB command (contract DDB-03, DDB-04).
 */
import { MappingTemplateError } from '../../core/errors';
import { canonical } from './canonical';
import { fromTypedMap, type NativeItem } from './typed';

export interface ExpressionObject {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, unknown>;
}

/** Names and values gathered from every expression of one command. */
export class ExpressionAttributes {
  readonly names: Record<string, string> = {};
  readonly values: NativeItem = {};

  /** Adds one expression's placeholders and returns its text; `where` names it in errors. */
  add(input: unknown, where: string): string {
    const object = parseExpression(input, where);
    for (const [placeholder, name] of Object.entries(object.expressionNames ?? {})) {
      if (name === undefined) continue;
      if (placeholder in this.names && this.names[placeholder] !== name) {
        throw new MappingTemplateError(`${where}: expression name ${placeholder} is defined twice with different values`);
      }
      this.names[placeholder] = name;
    }
    const values = fromTypedMap(object.expressionValues ?? {}, `${where}.expressionValues`);
    for (const [placeholder, value] of Object.entries(values)) {
      if (placeholder in this.values && canonical(this.values[placeholder]) !== canonical(value)) {
        throw new MappingTemplateError(`${where}: expression value ${placeholder} is defined twice with different values`);
      }
      this.values[placeholder] = value;
    }
    return object.expression;
  }

  /** `ExpressionAttributeNames`/`Values`, omitted when empty (DynamoDB rejects empty maps). */
  params(): { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: NativeItem } {
    return {
      ...(Object.keys(this.names).length ? { ExpressionAttributeNames: this.names } : {}),
      ...(Object.keys(this.values).length ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}

/** Accepts the object form and the JSON string `util.transform.*` returns (GAP-02). */
export function parseExpression(input: unknown, where: string): ExpressionObject {
  let object = input;
  if (typeof input === 'string') {
    try {
      object = JSON.parse(input);
    } catch {
      throw new MappingTemplateError(`${where} is a string but not a JSON expression object`);
    }
  }
  if (object === null || typeof object !== 'object' || Array.isArray(object)) {
    throw new MappingTemplateError(`${where} must be an expression object`);
  }
  const { expression } = object as { expression?: unknown };
  if (typeof expression !== 'string' || expression.trim() === '') {
    throw new MappingTemplateError(`${where}.expression is required`);
  }
  return object as ExpressionObject;
}

/** Present (non-null, non-undefined) optional expression. */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}
