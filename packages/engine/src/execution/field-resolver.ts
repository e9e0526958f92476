/**
 * The graphql-js field resolver behind every routed schema coordinate: builds `ctx` (contract
 * CTX-01..10), runs the resolver's handlers (handler-order.ts), enforces the resolver count limit (LIM-02),
 * fails fields still unresolved at the request's deadline with `Timeout` (core/deadline.ts) and turns
 * AppSync errors into GraphQL errors carrying AppSync's fields (EXE-06, EXE-07, EXE-09, EXE-10).
 * Any other failure propagates unchanged: the server masks it and logs it once.
 */
import type { Context } from '@aws-appsync/utils';
import { GraphQLError, responsePathAsArray, type FieldNode, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { beforeDeadline } from '../core/deadline';
import { AppSyncError, UnauthorizedError, unauthorizedMessage, type ResolverErrorEntry } from '../core/errors';
import type { Execution } from '../core/current-execution';
import { errorData } from './error-data';
import { buildInfo } from './info';
import type { RequestContext } from '../core/request-context';
import type { ResolverDefinition } from '../core/resolver';
import { runResolver } from './handler-order';
import { ERROR_TYPES } from '../core/error-types';

/** AppSync's default (and maximum) number of resolver executions per request (contract LIM-02). */
export const DEFAULT_RESOLVER_COUNT_LIMIT = 10_000;

export interface ExecutionLimits {
  /** Resolver executions allowed per request, 1..10,000; each list item's resolver counts (LIM-02). */
  resolverCountLimit?: number;
}

/** Counts one resolver execution for the request and fails the field once the limit is passed. */
function countResolver(context: RequestContext, limit: number): void {
  context.resolverCount += 1;
  if (context.resolverCount > limit) {
    throw new AppSyncError(`Resolver count limit of ${limit} exceeded for this request`, ERROR_TYPES.ResolverCountLimitExceeded);
  }
}

/** The response key of the root field a resolver runs under (the mutation field, in a mutation). */
function rootKey(path: GraphQLResolveInfo['path']): string {
  let root = path;
  while (root.prev) root = root.prev;
  return String(root.key);
}

/** A GraphQL error carrying AppSync's fields; the server's formatError lifts them to the top level. */
function toGraphQLError(entry: ResolverErrorEntry, info: GraphQLResolveInfo, cause?: unknown): GraphQLError {
  const selections = info.fieldNodes.flatMap((node: FieldNode) => node.selectionSet?.selections ?? []);
  return new GraphQLError(entry.message, {
    nodes: info.fieldNodes,
    path: responsePathAsArray(info.path),
    originalError: cause instanceof Error ? cause : undefined,
    extensions: { errorType: entry.errorType, errorInfo: entry.errorInfo ?? null, data: errorData(entry.data ?? null, selections, info.fragments) },
  });
}

/** The graphql-js resolver for one schema coordinate. */
export function createFieldResolver(
  coordinate: string,
  definition: ResolverDefinition,
  limits: ExecutionLimits = {},
): GraphQLFieldResolver<unknown, RequestContext> {
  const resolverCountLimit = limits.resolverCountLimit ?? DEFAULT_RESOLVER_COUNT_LIMIT;
  return async (source, args, context, info) => {
    const execution: Execution = {
      appendedErrors: [],
      authType: context.authType,
      responseHeaders: context.responseHeaders,
      invalidations: info.operation.operation === 'mutation' ? { recorded: context.subscriptionInvalidations, responseKey: rootKey(info.path) } : undefined,
      subscription: context.subscription,
    };
    // graphql-js builds args with a null prototype; resolvers expect a plain object (CTX-01).
    const argumentsObject = { ...args } as Context['arguments'];
    const run = {
      coordinate,
      execution,
      context,
      info,
      base: {
        arguments: argumentsObject,
        source: (source ?? null) as Context['source'],
        identity: context.identity,
        request: context.request,
        info: buildInfo(info),
        stash: {},
        env: context.runtime.env,
      },
    };
    const around = context.observer?.aroundResolver;
    const resolve = () => beforeDeadline(() => runResolver(run, definition), context.deadline);
    try {
      countResolver(context, resolverCountLimit);
      // Past the request's deadline the field fails with errorType Timeout instead of holding the response.
      return (await (around ? around.call(context.observer, coordinate, resolve) : resolve())) ?? null;
    } catch (thrown) {
      // The error report names the resolver that failed (the innermost one).
      if (!context.failedAt.has(thrown)) context.failedAt.set(thrown, coordinate);
      if (!(thrown instanceof AppSyncError)) throw thrown;
      const entry =
        thrown instanceof UnauthorizedError
          ? { message: unauthorizedMessage(info), errorType: ERROR_TYPES.Unauthorized, data: null, errorInfo: null }
          : thrown;
      throw toGraphQLError(entry, info, thrown);
    } finally {
      // Appended errors are kept even when a later util.error stops the resolver (EXE-07, EXE-08a).
      for (const appended of execution.appendedErrors) {
        context.appendedErrors.push(toGraphQLError(appended, info).toJSON());
      }
    }
  };
}
