/**
 * Runs unit and pipeline resolvers with AppSync's semantics (contract EXE-02..08): the order of
 * handlers, `ctx.stash`/`ctx.prev`, `runtime.earlyReturn`, `util.error` vs `util.appendError`, and
 * data-source errors that are swallowed unless a response handler raises them.
 */
import type { Context } from '@aws-appsync/utils';
import { GraphQLError, responsePathAsArray, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { invokeDataSource } from './data-sources';
import { AppSyncError, CodeError, EarlyReturnSignal, UnauthorizedError, type ResolverErrorEntry } from './errors';
import { withExecution, type Execution } from './execution';
import { buildInfo } from './info';
import type { RequestContext } from './request-context';
import type { DataSourceRef, ResolverDefinition, ResolverModule } from './resolver';

type Stage = 'request' | 'response';
type Outcome = { value: unknown; early?: undefined } | { value: unknown; early: 'NEXT' | 'END' };

/** Calls one handler synchronously, turning earlyReturn into an outcome and code faults into `Code` errors. */
function callHandler(execution: Execution, module: ResolverModule, stage: Stage, ctx: Context): Outcome {
  try {
    const value = withExecution(execution, () => module[stage](ctx));
    if (value !== null && typeof (value as PromiseLike<unknown> | undefined)?.then === 'function') {
      throw new CodeError(`${stage} handlers must be synchronous: APPSYNC_JS has no async functions or promises`, undefined);
    }
    return { value };
  } catch (thrown) {
    if (thrown instanceof EarlyReturnSignal) return { value: thrown.value, early: thrown.skipTo };
    if (thrown instanceof AppSyncError) throw thrown;
    throw new CodeError(thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown), thrown);
  }
}

/** One step: request handler → data source → response handler, each skippable by earlyReturn. */
async function runStep(
  execution: Execution,
  module: ResolverModule,
  dataSource: DataSourceRef,
  ctx: Context,
  context: RequestContext,
  resolverId: string,
): Promise<Outcome> {
  const requested = callHandler(execution, module, 'request', ctx);
  if (requested.early) return requested;
  const { result, error } = await invokeDataSource(dataSource, requested.value, context, resolverId);
  const responded = callHandler(execution, module, 'response', { ...ctx, result, error } as Context);
  // earlyReturn in a response handler just returns its value (EXE-05, inferred).
  return { value: responded.value };
}

async function resolve(definition: ResolverDefinition, ctx: Context, context: RequestContext, execution: Execution, coordinate: string) {
  if (definition.kind === 'UNIT') {
    return (await runStep(execution, definition.module, definition.dataSource, ctx, context, coordinate)).value;
  }
  const before = callHandler(execution, definition.module, 'request', ctx);
  let previous = before.value;
  if (!before.early) {
    for (const step of definition.functions) {
      const stepCtx = { ...ctx, prev: { result: previous }, result: undefined, error: undefined } as Context;
      const outcome = await runStep(execution, step.module, step.dataSource, stepCtx, context, `${coordinate}/${step.name}`);
      previous = outcome.value;
      if (outcome.early === 'END') break;
    }
  }
  return callHandler(execution, definition.module, 'response', { ...ctx, prev: { result: previous }, result: previous } as Context).value;
}

/** A GraphQL error carrying AppSync's fields; the server's formatError lifts them to the top level. */
function toGraphQLError(entry: ResolverErrorEntry, info: GraphQLResolveInfo, cause?: unknown): GraphQLError {
  return new GraphQLError(entry.message, {
    nodes: info.fieldNodes,
    path: responsePathAsArray(info.path),
    originalError: cause instanceof Error ? cause : undefined,
    extensions: { errorType: entry.errorType, errorInfo: entry.errorInfo, data: entry.data },
  });
}

/** The graphql-js resolver for one schema coordinate. */
export function createFieldResolver(coordinate: string, definition: ResolverDefinition): GraphQLFieldResolver<unknown, RequestContext> {
  return async (source, args, context, info) => {
    const execution: Execution = { appendedErrors: [], authType: context.authType };
    const ctx = {
      arguments: args,
      args,
      source: source ?? null,
      identity: context.identity,
      request: context.request,
      info: buildInfo(info),
      stash: {},
      prev: undefined,
      result: undefined,
      error: undefined,
      env: context.runtime.env,
    } as unknown as Context;
    try {
      return (await resolve(definition, ctx, context, execution, coordinate)) ?? null;
    } catch (thrown) {
      if (!(thrown instanceof AppSyncError)) throw thrown;
      const entry =
        thrown instanceof UnauthorizedError
          ? { ...thrown, message: `Not Authorized to access ${info.fieldName} on type ${info.parentType.name}` }
          : thrown;
      throw toGraphQLError(entry, info, thrown);
    } finally {
      for (const appended of execution.appendedErrors) {
        context.appendedErrors.push(toGraphQLError(appended, info).toJSON());
      }
    }
  };
}
