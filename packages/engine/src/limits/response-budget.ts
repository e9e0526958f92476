/**
 * The response budget (contract LIM-10), counted while fields resolve. Every field of the schema,
 * the default-resolved ones included, adds the bytes its value will take in the JSON response:
 * large strings mostly come from items a data source returned, read by graphql's default resolver,
 * so counting only routed resolvers would miss them. Once a request passes its budget, no further
 * field resolves (no resolver runs, no data source is called): the field that passed it and the
 * first one after fail with `ResponseTooLarge`, later ones are null (non-null ones fail), and the
 * server replaces the whole result by one `ResponseTooLarge` error before serialising it
 * (adapters/http-api/response-size.ts). Memory then holds at most about one budget of results, instead of
 * the full result and its serialised copy.
 *
 * The count estimates JSON bytes: string lengths (an escaped or non-ASCII character counts once),
 * keys, `null`s, numbers and punctuation; `__typename` selections are counted with their object.
 * The response's errors are counted once they are final, before the response is sent.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isAbstractType,
  isLeafType,
  isNonNullType,
  isObjectType,
  Kind,
  responsePathAsArray,
  type FieldNode,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { errorEntry } from '../core/format-error';
import { RequestSlot, type RequestSlots } from '../core/request-slots';
import { ERROR_TYPES } from '../core/error-types';

type RequestScope = { readonly slots: RequestSlots };

/** One request's count of response bytes against its maximum. */
export class ResponseBudget {
  used = 0;
  exceeded = false;
  /** The error fields fail with once the budget is passed (one instance per request). */
  error?: GraphQLError;

  constructor(readonly maximum: number) {}
}

const BUDGET = new RequestSlot<ResponseBudget>('responseBudget');

function budgetOf(context: RequestScope, maximum: number): ResponseBudget {
  return context.slots.getOrCreate(BUDGET, () => new ResponseBudget(maximum));
}

/** JSON bytes of a leaf value (scalars, enums, lists of them; AWSJSON objects). */
function leafBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
    case 'bigint':
      return String(value).length;
    case 'boolean':
      return 5;
  }
  if (Array.isArray(value)) {
    let bytes = 2;
    for (const item of value) bytes += leafBytes(item) + 1;
    return bytes;
  }
  try {
    return JSON.stringify(value)?.length ?? 4;
  } catch {
    return 4;
  }
}

const typenameBytesByField = new WeakMap<FieldNode, number>();

/**
 * Bytes each object of a field adds besides its fields' own: braces, and its `__typename` keys
 * (`typename`: the bytes of the longest type name the objects can have). Collected as graphql-js
 * collects fields: a response key counts once, and a named fragment is followed once, however
 * often it is spread.
 */
function objectBytes(info: GraphQLResolveInfo, typename: number): number {
  const node = info.fieldNodes[0]!;
  let bytes = typenameBytesByField.get(node);
  if (bytes === undefined) {
    const keys = new Set<string>();
    const followed = new Set<string>();
    const visit = (set: SelectionSetNode | undefined): void => {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === '__typename') keys.add(selection.alias?.value ?? '__typename');
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          visit(selection.selectionSet);
        } else if (!followed.has(selection.name.value)) {
          followed.add(selection.name.value);
          visit(info.fragments[selection.name.value]?.selectionSet);
        }
      }
    };
    for (const field of info.fieldNodes) visit(field.selectionSet);
    bytes = 2;
    for (const key of keys) bytes += key.length + 4 + typename;
    typenameBytesByField.set(node, bytes);
  }
  return bytes;
}

/** JSON bytes of an object or list of objects, without the objects' fields (they count themselves). */
function compositeBytes(value: unknown, perObject: number): number {
  if (value === null || value === undefined) return 4;
  if (Array.isArray(value)) {
    let bytes = 2;
    for (const item of value) bytes += compositeBytes(item, perObject) + 1;
    return bytes;
  }
  return perObject;
}

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';

/**
 * Fails a field of a request past its budget: the first refused field and every non-null one with
 * the request's one error, later nullable ones as null. A non-null field fails with a rejected
 * promise, never a synchronous throw: graphql-js stops completing a list at a synchronous error and
 * drops the promises of the items before it, whose later rejections would go unhandled (and end a
 * Lambda process).
 */
function refuse(budget: ResponseBudget, nonNull: boolean, info: GraphQLResolveInfo): null | Promise<never> {
  if (budget.error && !nonNull) return null;
  // Located at the first refused field: graphql-js passes located errors on as they are.
  budget.error ??= new GraphQLError(`The response is larger than the ${Math.floor(budget.maximum / 1024)} KiB this API can return.`, {
    nodes: info.fieldNodes,
    path: responsePathAsArray(info.path),
    extensions: { errorType: ERROR_TYPES.ResponseTooLarge, errorInfo: { limit: 'responseBytes', maximum: budget.maximum }, data: null },
  });
  if (nonNull) return Promise.reject(budget.error);
  throw budget.error;
}

/** What the count needs to know about a field's type, decided once at schema build. */
interface FieldShape {
  leaf: boolean;
  nonNull: boolean;
  /** For object types: the bytes of the longest type name `__typename` can return, quoted. */
  typename: number;
}

function shapeOf(schema: GraphQLSchema, type: GraphQLOutputType): FieldShape {
  const named = getNamedType(type);
  const names = isAbstractType(named) ? schema.getPossibleTypes(named).map((possible) => possible.name) : [named.name];
  return { leaf: isLeafType(named), nonNull: isNonNullType(type), typename: Math.max(0, ...names.map((name) => name.length)) + 2 };
}

function fieldResolver(resolve: GraphQLFieldResolver<unknown, RequestScope>, { leaf, nonNull, typename }: FieldShape, maximum: number): GraphQLFieldResolver<unknown, RequestScope> {
  const settle = (budget: ResponseBudget, value: unknown, info: GraphQLResolveInfo): unknown => {
    const key = (info.fieldNodes[0]!.alias?.value ?? info.fieldName).length + 4;
    budget.used += key + (leaf ? leafBytes(value) : compositeBytes(value, objectBytes(info, typename)));
    if (budget.used <= budget.maximum) return value;
    budget.exceeded = true;
    return refuse(budget, nonNull, info);
  };
  return (source, args, context, info) => {
    if (!context) return resolve(source, args, context, info);
    const budget = budgetOf(context, maximum);
    if (budget.exceeded) return refuse(budget, nonNull, info);
    const value = resolve(source, args, context, info);
    if (isPromiseLike(value)) return Promise.resolve(value).then((resolved) => settle(budget, resolved, info));
    return settle(budget, value, info);
  };
}

/**
 * Counts every field of `schema` against a budget of `maxBytes` per request (per context value).
 * Call once per schema, after the other wrappers (auth), so a request past its budget runs nothing.
 */
export function applyResponseBudget(schema: GraphQLSchema, maxBytes: number): void {
  for (const type of Object.values(schema.getTypeMap())) {
    // Introspection types are graphql-js singletons shared by every schema: never wrapped.
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, RequestScope>;
      field.resolve = fieldResolver(resolve, shapeOf(schema, field.type), maxBytes);
    }
  }
}

/** Lambda's synchronous response limit, less room for the status line and headers. */
export const MAX_RESPONSE_BYTES = 6 * 1024 * 1024 - 64 * 1024;

/** The one error of a response over `maxBytes`; `actual` is what was counted when it stopped. */
export function responseTooLargeError(maxBytes: number, actual: number) {
  return errorEntry(
    `The response is larger than the ${Math.floor(maxBytes / 1024)} KiB this API can return; request fewer items (limit) or fewer fields.`,
    ERROR_TYPES.ResponseTooLarge,
    'RESPONSE_TOO_LARGE',
    { limit: 'responseBytes', maximum: maxBytes, actual },
  );
}

/** JSON bytes of a response's errors, as the count estimates them (string lengths). */
function errorBytes(errors: readonly GraphQLFormattedError[] | undefined): number {
  return errors?.length ? JSON.stringify(errors).length : 0;
}

/**
 * Replaces the result of a request over the budget of `maxBytes` by the single `ResponseTooLarge`
 * error, before Apollo serialises anything: a request whose resolution passed the budget (the
 * fields resolved before it ran out are dropped, not sent in part), or whose errors take the bytes
 * its data left. The errors are counted here, once final: resolvers' appended errors are added and
 * their number limited (limits/error-count.ts) before this runs.
 */
export function responseBudgetPlugin(maxBytes: number): ApolloServerPlugin<RequestScope> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const budget = contextValue.slots.get(BUDGET);
          const used = (budget?.used ?? 0) + errorBytes(response.body.singleResult.errors);
          if (!budget?.exceeded && used <= maxBytes) return;
          response.body = { kind: 'single', singleResult: { errors: [responseTooLargeError(maxBytes, used) as unknown as GraphQLFormattedError] } };
        },
      };
    },
  };
}
