/** Loads the code a resolver or function names and checks it has the shape its kind needs. */
import type { LambdaResolverModule, ResolverModule } from '../core/resolver';
import { WiringError } from './errors';
import type { WiringOptions } from './types';

function load(options: WiringOptions, codePath: string, place: string): Record<string, unknown> {
  let module: unknown;
  try {
    module = options.loadModule(codePath);
  } catch (error) {
    throw new WiringError(place, `cannot load the code "${codePath}": ${(error as Error).message}`, { cause: error });
  }
  if (module === undefined || module === null || (typeof module !== 'object' && typeof module !== 'function')) {
    throw new WiringError(place, `no module for the code "${codePath}"`);
  }
  return module as Record<string, unknown>;
}

/** An AppSync JS module (`request` and `response`). */
export function loadResolverModule(options: WiringOptions, codePath: string, place: string): ResolverModule {
  const module = load(options, codePath, place);
  const missing = ['request', 'response'].filter((name) => typeof module[name] !== 'function');
  if (missing.length > 0) throw new WiringError(place, `the code "${codePath}" does not export ${missing.map((name) => `${name}(ctx)`).join(' and ')}`);
  return module as unknown as ResolverModule;
}

/** A Direct Lambda handler module (`handler`). */
export function loadLambdaModule(options: WiringOptions, codePath: string, place: string): LambdaResolverModule {
  const module = load(options, codePath, place);
  if (typeof module.handler !== 'function') throw new WiringError(place, `the module "${codePath}" does not export a handler function`);
  return module as unknown as LambdaResolverModule;
}

/**
 * The code serverless-appsync-plugin deploys for a pipeline resolver that names no code: the
 * before step passes nothing on and the after step returns the last function's result.
 */
export const DEFAULT_PIPELINE_MODULE: ResolverModule = {
  request: () => ({}),
  response: (ctx) => ctx.prev.result,
};
