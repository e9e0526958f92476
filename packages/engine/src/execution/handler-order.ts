/**
 * The order of handlers for one resolver execution, with AppSync's semantics (contract EXE-02..08,
 * EXE-08a): unit request → data source → response; pipeline before → functions → after; values
 * flowing through `ctx.prev.result`; one stash per execution; `runtime.earlyReturn`; data-source
 * errors visible in `ctx.error` only to the response handler of the step that failed.
 */
import type { Context } from '@aws-appsync/utils';
import type { AppSyncResolverEvent } from 'aws-lambda';
import type { GraphQLResolveInfo } from 'graphql';
import { invokeDataSource } from '../data-sources/index';
import { invokeLambdaHandler } from '../data-sources/lambda/direct';
import { loadBatchedLambda } from '../data-sources/lambda/direct-batch';
import { AppSyncError, CodeError, EarlyReturnSignal } from '../core/errors';
import { withExecution, type Execution } from '../core/current-execution';
import { lambdaEventInfo } from './info';
import type { RequestContext } from '../core/request-context';
import type { DataSourceRef, LambdaResolverModule, PipelineFunction, ResolverDefinition, ResolverModule } from '../core/resolver';

/** What stays the same for every handler of one resolver execution. */
export interface ResolverRun {
  readonly coordinate: string;
  readonly execution: Execution;
  readonly context: RequestContext;
  readonly info: GraphQLResolveInfo;
  /** ctx.arguments, source, identity, request, info, env and the execution's stash (CTX-01..06, CTX-10). */
  readonly base: Pick<Context, 'arguments' | 'source' | 'identity' | 'request' | 'info' | 'stash' | 'env'>;
}

type Stage = 'request' | 'response';
interface Outcome {
  value: unknown;
  /** Set when the handler called `runtime.earlyReturn`. */
  early?: 'NEXT' | 'END';
}

/**
 * A fresh `ctx` for each handler, built from the execution's own state: a handler that reassigns
 * a top-level property (which APPSYNC_JS forbids, CTX-11) affects only its own call.
 */
function makeCtx(run: ResolverRun, extra: { prev?: { result: unknown }; result?: unknown; error?: unknown }): Context {
  const { base } = run;
  return {
    arguments: base.arguments,
    args: base.arguments,
    source: base.source,
    identity: base.identity,
    request: base.request,
    info: base.info,
    stash: base.stash,
    prev: extra.prev,
    result: extra.result,
    error: extra.error,
    env: base.env,
  } as unknown as Context;
}

/** Calls one handler synchronously, turning earlyReturn into an outcome and code faults into `Code` errors. */
function callHandler(run: ResolverRun, module: ResolverModule, stage: Stage, ctx: Context): Outcome {
  try {
    const handler = module[stage];
    if (typeof handler !== 'function') throw new CodeError(`The module has no ${stage} function`, undefined);
    const call = () => withExecution(run.execution, () => handler(ctx));
    const around = run.context.observer?.aroundHandler;
    const value = around ? around.call(run.context.observer, run.coordinate, call) : call();
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

/** One JS step: request → data source → response; earlyReturn in the request skips the other two. */
async function runJsStep(run: ResolverRun, module: ResolverModule, dataSource: DataSourceRef, prev: { result: unknown } | undefined, id: string): Promise<Outcome> {
  const requested = callHandler(run, module, 'request', makeCtx(run, { prev }));
  if (requested.early) return requested;
  const { result, error } = await invokeDataSource(dataSource, requested.value, run.context, id);
  const responded = callHandler(run, module, 'response', makeCtx(run, { prev, result, error }));
  // earlyReturn in a response handler just returns its value (EXE-05, inferred).
  return { value: responded.value };
}

/** AppSync's Direct Lambda event for this execution. */
function lambdaEvent(run: ResolverRun, prev: { result: unknown } | null): AppSyncResolverEvent<unknown, unknown> {
  const { base } = run;
  return {
    arguments: base.arguments,
    identity: base.identity,
    source: base.source,
    request: base.request,
    info: lambdaEventInfo(run.info),
    prev,
    stash: base.stash,
  } as AppSyncResolverEvent<unknown, unknown>;
}

/** One Direct Lambda step: the handler gets a copy of the stash, as AppSync sends it as JSON. */
async function runLambdaStep(run: ResolverRun, module: LambdaResolverModule, prev: { result: unknown } | null): Promise<Outcome> {
  return { value: await invokeLambdaHandler(module, lambdaEvent(run, prev), run.context) };
}

function runFunction(run: ResolverRun, step: PipelineFunction, previous: unknown): Promise<Outcome> {
  const prev = { result: previous };
  if (step.kind === 'LAMBDA') return runLambdaStep(run, step.module, prev);
  return runJsStep(run, step.module, step.dataSource, prev, `${run.coordinate}/${step.name}`);
}

/** Runs a resolver definition to the field's value; util.error and code faults propagate as AppSyncErrors. */
export async function runResolver(run: ResolverRun, definition: ResolverDefinition): Promise<unknown> {
  if (definition.kind === 'UNIT') return (await runJsStep(run, definition.module, definition.dataSource, undefined, run.coordinate)).value;
  if (definition.kind === 'LAMBDA') {
    if (definition.maxBatchSize === undefined) return (await runLambdaStep(run, definition.module, null)).value;
    return loadBatchedLambda(run.coordinate, definition.module, definition.maxBatchSize, lambdaEvent(run, null), run.context);
  }
  const before = callHandler(run, definition.module, 'request', makeCtx(run, {}));
  let previous = before.value;
  // earlyReturn in the before handler skips every function; the after handler still runs (EXE-05).
  if (!before.early) {
    for (const step of definition.functions) {
      const outcome = await runFunction(run, step, previous);
      previous = outcome.value;
      if (outcome.early === 'END') break;
    }
  }
  // In the after handler ctx.result equals ctx.prev.result (CTX-08).
  return callHandler(run, definition.module, 'response', makeCtx(run, { prev: { result: previous }, result: previous })).value;
}
