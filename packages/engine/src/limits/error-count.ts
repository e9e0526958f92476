/**
 * The number of errors one response carries. A document can fail in many places at once: hundreds
 * of list items whose field fails, resolvers appending errors (`util.appendError`, contract EXE-07),
 * a document with a validation error per field. Each entry repeats its message, path and
 * locations, so an unbounded list lets a small request build a large answer. Past
 * {@link MAX_RESPONSE_ERRORS}, a response keeps its first errors and ends with one `TooManyErrors`
 * entry counting the ones left out; the data is kept as it is.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_TYPES } from '../core/error-types';
import { errorEntry } from '../core/format-error';

/** The most errors a response carries, the final `TooManyErrors` entry included. */
export const MAX_RESPONSE_ERRORS = 100;

/** The entry that replaces the errors past the first `maximum - 1` of `actual`. */
export function tooManyErrorsError(maximum: number, actual: number) {
  const kept = maximum - 1;
  return errorEntry(
    `This response lists the first ${kept} of ${actual} errors; the other ${actual - kept} were left out.`,
    ERROR_TYPES.TooManyErrors,
    'TOO_MANY_ERRORS',
    { limit: 'responseErrors', maximum, actual },
  );
}

/** `errors` when there are at most `maximum`; else the first `maximum - 1` and the entry counting the rest. */
export function limitErrorCount(errors: readonly GraphQLFormattedError[], maximum = MAX_RESPONSE_ERRORS): readonly GraphQLFormattedError[] {
  if (errors.length <= maximum) return errors;
  return [...errors.slice(0, maximum - 1), tooManyErrorsError(maximum, errors.length) as unknown as GraphQLFormattedError];
}

/**
 * Applies the limit to every response, whatever its errors came from (parsing, validation,
 * variables, resolvers, appended errors). Runs after the appended errors are added and before the
 * response budget counts the errors' bytes.
 */
export const errorCountPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (result.errors && result.errors.length > MAX_RESPONSE_ERRORS) result.errors = limitErrorCount(result.errors);
      },
    };
  },
};
