/**
 * Pipeline functions registered once by name, as AppSync keeps function configurations beside the
 * resolvers: a pipeline resolver names its steps (`pipeline(coordinate, module, ['loadJob', …])`),
 * so resolver modules export only `request`/`response` and stay pure AppSync code.
 */
import type { NamedPipelineFunction, PipelineFunction } from './resolver';

/** Pipeline functions by name; each entry's `name` is its key. */
export type FunctionTable<Names extends string = string> = { readonly [N in Names]: PipelineFunction };

/**
 * The table of `functions` (built with `fn` or `lambdaFn`), keyed by their names. Throws at cold
 * start when two functions share a name: AppSync function names are unique within an API.
 */
export function functionTable<const F extends readonly NamedPipelineFunction[]>(...functions: F): FunctionTable<F[number]['name']> {
  const table: Record<string, PipelineFunction> = {};
  for (const step of functions) {
    if (Object.hasOwn(table, step.name)) throw new Error(`Two pipeline functions are named ${step.name}: function names must be unique`);
    table[step.name] = step;
  }
  return table as FunctionTable<F[number]['name']>;
}

/** The functions `names` lists, in order; throws at cold start naming the first unknown one. */
export function functionsNamed(table: FunctionTable, names: readonly string[], usedBy: string): PipelineFunction[] {
  return names.map((name) => {
    if (!Object.hasOwn(table, name)) throw new Error(`${usedBy}: no pipeline function is named ${name}`);
    return table[name]!;
  });
}
