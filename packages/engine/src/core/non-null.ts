/**
 * AppSync's answer when a field that cannot be null resolves to null (contract EXE-09: "normal
 * GraphQL null-propagation applies for non-null types"). graphql-js propagates the null to the
 * nearest nullable parent and records "Cannot return null for non-nullable field P.f."; AppSync,
 * whose engine is graphql-java, words the same error
 * "Cannot return null for non-nullable type: 'T' within parent 'P' (/path)", with `locations: null`
 * and no `errorType` (observed in responses quoted by AppSync and Amplify users). This is a fault in
 * the data a resolver returned, not in the server: the caller gets AppSync's entry, never a masked
 * `InternalFailure`.
 */
import { isListType, isNonNullType, isObjectType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';

/** graphql-js 16's message, raised while completing a field or list item value (execute.js). */
const GRAPHQL_JS_MESSAGE = /^Cannot return null for non-nullable field ([_A-Za-z][_0-9A-Za-z]*)\.([_A-Za-z][_0-9A-Za-z]*)\.$/;

/** A null where the schema allows none, as AppSync reports it. */
export interface NonNullViolation {
  /** The schema coordinate of the field whose value (or list item) was null. */
  coordinate: string;
  /** The type that could not be null, without its `!` (`String`, `[Job!]`). */
  typeName: string;
  /** The object type holding the field, or the list type holding the item (`[String!]`). */
  parentName: string;
  path: ReadonlyArray<string | number>;
  /** AppSync's message. */
  message: string;
}

/** AppSync's (graphql-java's) rendering of a response path: `/jobs[0]/title`. */
export function appSyncPath(path: ReadonlyArray<string | number>): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `/${key}`)).join('');
}

/**
 * Recognises graphql-js's non-null error and confirms it against the schema: the error must wrap
 * graphql-js's own plain `Error` (resolver faults reach graphql-js as the runtime's typed errors),
 * name a field of an object type, and its path must end at a position the field's type makes
 * non-null (the field itself, or an item of a list of non-null items). Anything else is undefined.
 */
export function nonNullViolation(error: unknown, schema: GraphQLSchema): NonNullViolation | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { originalError, path } = error as { originalError?: unknown; path?: unknown };
  if (!(originalError instanceof Error) || Object.getPrototypeOf(originalError) !== Error.prototype) return undefined;
  const match = GRAPHQL_JS_MESSAGE.exec(originalError.message);
  if (!match || !Array.isArray(path) || path.length === 0) return undefined;
  const [, parentTypeName, fieldName] = match as unknown as [string, string, string];
  const parentType = schema.getType(parentTypeName);
  const field = isObjectType(parentType) ? parentType.getFields()[fieldName] : undefined;
  if (!field) return undefined;

  // Trailing indexes walk into the field's list type, one list level per index.
  let fieldEnd = path.length;
  while (fieldEnd > 0 && typeof path[fieldEnd - 1] === 'number') fieldEnd -= 1;
  if (fieldEnd === 0) return undefined;
  let type: GraphQLOutputType = field.type;
  let container: GraphQLOutputType | undefined;
  for (let index = fieldEnd; index < path.length; index += 1) {
    const list: GraphQLOutputType = isNonNullType(type) ? type.ofType : type;
    if (!isListType(list)) return undefined;
    container = list;
    type = list.ofType;
  }
  if (!isNonNullType(type)) return undefined;

  const typeName = String(type.ofType);
  const parentName = container ? String(container) : parentTypeName;
  const responsePath = path as Array<string | number>;
  return {
    coordinate: `${parentTypeName}.${fieldName}`,
    typeName,
    parentName,
    path: responsePath,
    message: `Cannot return null for non-nullable type: '${typeName}' within parent '${parentName}' (${appSyncPath(responsePath)})`,
  };
}
