/**
 * A request's variable values, checked against its operation before anything runs. graphql-js
 * reports one error per invalid value, each quoting the whole value it sits in: an input object
 * with thousands of unknown keys made a 43 KB answer of a 672-byte request, and its 51st error
 * ("Too many errors processing variables") surfaced as a masked `InternalFailure`. Here the
 * request gets one `ValidationError` naming the first invalid value by its path, quoting nothing
 * of the value itself, and the check stops at the second problem found: both the work and the
 * answer stay small whatever the variables hold.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  coerceInputValue,
  GraphQLError,
  isInputType,
  isNonNullType,
  print,
  typeFromAST,
  valueFromAST,
  type ASTNode,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';

/** The longest message of the error, in UTF-16 units: keys and values a message quotes come from the caller. */
export const MAX_VARIABLE_MESSAGE_LENGTH = 1000;

/** Thrown from graphql-js's callback to stop coercing once a second problem shows: it has no other way to stop. */
const STOP = new Error('Coercion stopped at the second invalid value');

/** `text` cut to `maximum` units with an ellipsis, never between the two halves of a surrogate pair. */
function shorten(text: string, maximum: number): string {
  if (text.length <= maximum) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[maximum - 2] ?? '') ? maximum - 2 : maximum - 1;
  return `${text.slice(0, cut)}…`;
}

/** A coerced value's path as graphql-js writes it: `.key` for fields, `[n]` for list items. */
function pathText(path: ReadonlyArray<string | number>): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
}

/** The outcome of {@link coerceVariables}: the coerced values, or the request's one error. */
export type CoercedVariables = { coerced: Record<string, unknown>; errors?: never } | { errors: readonly [GraphQLError]; coerced?: never };

/**
 * The variables of an operation coerced to their types as graphql-js coerces them (defaults,
 * required values, nulls, input objects, lists, scalars), or one error with code `BAD_USER_INPUT`
 * and HTTP status 400 for the first invalid value; its message says when there are more.
 */
export function coerceVariables(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], inputs: Readonly<Record<string, unknown>>): CoercedVariables {
  let first: { message: string; node: ASTNode } | undefined;
  let more = false;
  const report = (message: string, node: ASTNode) => {
    if (first) {
      more = true;
      throw STOP;
    }
    first = { message, node };
  };
  const coerced: Record<string, unknown> = {};
  try {
    for (const definition of definitions) {
      const name = definition.variable.name.value;
      const type = typeFromAST(schema, definition.type);
      if (!isInputType(type)) {
        // Validation refuses these documents already; checked again, as graphql-js does.
        report(`Variable "$${name}" expected value of type "${print(definition.type)}" which cannot be used as an input type.`, definition.type);
        continue;
      }
      if (!Object.hasOwn(inputs, name)) {
        if (definition.defaultValue) coerced[name] = valueFromAST(definition.defaultValue, type);
        else if (isNonNullType(type)) report(`Variable "$${name}" of required type "${String(type)}" was not provided.`, definition);
        continue;
      }
      const value = inputs[name];
      if (value === null && isNonNullType(type)) {
        report(`Variable "$${name}" of non-null type "${String(type)}" must not be null.`, definition);
        continue;
      }
      coerced[name] = coerceInputValue(value, type, (path, _invalid, error) => {
        report(`Variable "$${name}" got invalid value${path.length > 0 ? ` at "${name}${pathText(path)}"` : ''}; ${error.message}`, definition);
      });
    }
  } catch (error) {
    if (error !== STOP) throw error;
  }
  if (!first) return { coerced };
  const suffix = more ? ' Other variable values are invalid too; fix this one first.' : '';
  const message = shorten(first.message, MAX_VARIABLE_MESSAGE_LENGTH - suffix.length) + suffix;
  return { errors: [new GraphQLError(message, { nodes: first.node, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } })] };
}

/**
 * Checks the variables once the operation is known, before the budgets and execution: a request
 * with invalid variables ends with the one error, as a 400 (graphql-js coerces them again when it
 * executes a request that passed, which then cannot fail).
 */
export const variablesPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, operation, request }) {
        const result = coerceVariables(schema, operation?.variableDefinitions ?? [], request.variables ?? {});
        if (result.errors) throw result.errors[0];
      },
    };
  },
};
