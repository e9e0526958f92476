/**
 * Type-checked routing: `unit(coordinate, module)` and `pipeline(coordinate, module, names)`
 * check a resolver module against what codegen says about its schema coordinate (arguments,
 * parent record, result); a pipeline names its functions, which must be in the function table
 * given to `typedRoutes`. At runtime they build the same definitions as `resolver.ts`.
 */
import type { Context } from '@aws-appsync/utils';
import type { AppSyncResolverEvent, Context as LambdaContext } from 'aws-lambda';
import { functionsNamed, type FunctionTable } from './function-table';
import {
  lambda as untypedLambda,
  pipeline as untypedPipeline,
  unit as untypedUnit,
  TABLE,
  type DataSourceRef,
  type LambdaBatchResolverModule,
  type LambdaResolverOptions,
  type LambdaResolverModule,
  type ResolverDefinition,
} from './resolver';

/** What codegen knows about one field coordinate. */
export interface FieldTyping {
  args: unknown;
  source: Record<string, any> | undefined;
  result: unknown;
}

// The data-source result, stash and prev are the module's own business: `any` lets a module
// declare them precisely while arguments, source (contravariant) and result (covariant) are checked.
type RoutedContext<F extends FieldTyping> = Context<F['args'], any, any, F['source'], any>;

/** A resolver module that fits a coordinate: property signatures, so parameters are checked strictly. */
export interface TypedResolverModule<F extends FieldTyping> {
  request: (ctx: RoutedContext<F>) => unknown;
  response: (ctx: RoutedContext<F>) => F['result'];
}

/** A Direct Lambda module that fits a coordinate, as typed by `AppSyncResolverHandler<Args, Result>`. */
export interface TypedLambdaModule<F extends FieldTyping> {
  handler: (
    event: AppSyncResolverEvent<F['args'], F['source'] | null>,
    context: LambdaContext,
    callback: (error?: unknown, result?: unknown) => void,
  ) => void | F['result'] | Promise<F['result']>;
}

/**
 * One element of a batched handler's result: the field's value, or the field's own error
 * (`errorMessage`, `errorType`, and `data` reported as the error's data) — AppSync's BatchInvoke.
 */
export type LambdaBatchItem<Result> = Result | { data?: Result | null; errorMessage: string; errorType?: string };

/**
 * A batched Direct Lambda module that fits a coordinate (`maxBatchSize`), as typed by
 * `AppSyncBatchResolverHandler<Args, Result>`: an array of events in, an array of results out.
 */
export interface TypedLambdaBatchModule<F extends FieldTyping> {
  handler: (
    events: AppSyncResolverEvent<F['args'], F['source'] | null>[],
    context: LambdaContext,
    callback: (error?: unknown, result?: unknown) => void,
  ) => void | LambdaBatchItem<F['result']>[] | Promise<LambdaBatchItem<F['result']>[]>;
}

declare const routedTo: unique symbol;

/** A resolver definition that remembers (in its type only) the coordinate it was built for. */
export type RoutedDefinition<C extends string> = ResolverDefinition & { readonly [routedTo]?: C };

/** The routing table: every required coordinate routed, optional ones allowed, nothing else. */
export type RoutingTable<Fields, Required extends keyof Fields> = {
  readonly [C in Required & string]: RoutedDefinition<C>;
} & {
  readonly [C in Exclude<keyof Fields, Required> & string]?: RoutedDefinition<C>;
};

/**
 * Routing helpers typed by the generated field map (`AppSyncFields`) and, for pipelines, by the
 * table of pipeline functions (`typedRoutes<AppSyncFields, typeof functions>(functions)`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no functions: a pipeline can name none
export function typedRoutes<Fields extends { [C in keyof Fields]: FieldTyping }, Functions extends FunctionTable<keyof Functions & string> = {}>(
  functions?: Functions,
) {
  /**
   * A Direct Lambda resolver for `coordinate`; the handler's event and result are checked. With
   * `{ maxBatchSize }` (1..2,000) the handler takes and returns arrays (EXE-16, LIM-08).
   */
  function lambda<C extends keyof Fields & string>(coordinate: C, module: NoInfer<TypedLambdaModule<Fields[C]>>): RoutedDefinition<C>;
  function lambda<C extends keyof Fields & string>(
    coordinate: C,
    module: NoInfer<TypedLambdaBatchModule<Fields[C]>>,
    options: LambdaResolverOptions,
  ): RoutedDefinition<C>;
  function lambda(
    _coordinate: string,
    module: LambdaResolverModule | LambdaBatchResolverModule,
    options?: LambdaResolverOptions,
  ): ResolverDefinition {
    return options === undefined ? untypedLambda(module as LambdaResolverModule) : untypedLambda(module as LambdaBatchResolverModule, options);
  }
  return {
    /** A unit resolver for `coordinate`; the module must match that coordinate's types. */
    unit<C extends keyof Fields & string>(
      coordinate: C,
      module: NoInfer<TypedResolverModule<Fields[C]>>,
      dataSource: DataSourceRef = TABLE,
    ): RoutedDefinition<C> {
      return untypedUnit(module, dataSource);
    },
    /**
     * A pipeline resolver for `coordinate`: its before/after module checked like a unit's, its
     * functions named as in the function table (an unknown name fails the type check, and throws
     * at cold start when unchecked).
     */
    pipeline<C extends keyof Fields & string>(
      coordinate: C,
      module: NoInfer<TypedResolverModule<Fields[C]>>,
      names: readonly (keyof Functions & string)[],
    ): RoutedDefinition<C> {
      return untypedPipeline(module, functionsNamed(functions ?? {}, names, coordinate));
    },
    lambda,
  };
}
