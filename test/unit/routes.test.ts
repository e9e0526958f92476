import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { functions } from '../../src/functions/index';
import type { AppSyncFields } from '../../src/generated/resolver-types';
import * as MutationCreateJob from '../../src/resolvers/Mutation.createJob/index';
import { resolvers } from '../../src/resolvers/index';
import { functionTable, fn, NONE, typedRoutes } from '@appsync-lambda/engine';

const dir = fileURLToPath(new URL('../../src/resolvers/', import.meta.url));
const functionsDir = fileURLToPath(new URL('../../src/functions/', import.meta.url));

/** `Type.field.ts` (unit) or `Type.field/index.ts` (pipeline), as the style guide names them. */
function resolverFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'index.ts') continue;
    const coordinate = entry.isDirectory() ? entry.name : entry.name.replace(/\.ts$/, '');
    files.set(coordinate, entry.isDirectory() ? `${entry.name}/index.ts` : entry.name);
  }
  return files;
}

/** `name.ts` per pipeline function, beside the function table (index.ts). */
function functionFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(functionsDir)) if (name !== 'index.ts') files.set(name.replace(/\.ts$/, ''), name);
  return files;
}

/** The modules a source file imports. */
const importsOf = (path: string) => [...readFileSync(path, 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((match) => match[1]!);

describe('src/resolvers/index.ts', () => {
  it('routes exactly the coordinates that have a resolver file', () => {
    expect([...resolverFiles().keys()].sort()).toEqual(Object.keys(resolvers).sort());
  });

  it('names every resolver file Type.field', () => {
    for (const coordinate of resolverFiles().keys()) expect(coordinate).toMatch(/^[A-Z]\w*\.[a-z_]\w*$/);
  });

  it('routes each coordinate to the module in its own file', async () => {
    for (const [coordinate, file] of resolverFiles()) {
      const module: unknown = await import(/* @vite-ignore */ `${dir}${file}`);
      const route = resolvers[coordinate as keyof typeof resolvers];
      expect(route.module, coordinate).toBe(module);
    }
  });

  it('runs each pipeline on functions from the function table, named in the route', () => {
    const registered = Object.values(functions);
    const pipelines = Object.values(resolvers).filter((route) => route.kind === 'PIPELINE');
    expect(pipelines).toHaveLength(27);
    for (const route of pipelines) for (const step of route.functions) expect(registered).toContain(step);
    expect(resolvers['Mutation.applyToJob'].kind === 'PIPELINE' && resolvers['Mutation.applyToJob'].functions.map((step) => step.name)).toEqual([
      'requireOpenJob',
      'loadMyCompanies',
      'loadMyCompaniesByEmail',
      'requireMyCompany',
      'loadVisibleCandidate',
      'putApplication',
    ]);
  });

  it('applies a signed-in candidate with the very steps applyToJob uses, after finding their own candidate', () => {
    const steps = (coordinate: keyof typeof resolvers) => {
      const route = resolvers[coordinate];
      return route.kind === 'PIPELINE' ? route.functions : [];
    };
    expect(steps('Mutation.applyAsMe').map((step) => step.name)).toEqual(['requireMyCandidate', 'requireOpenJob', 'putApplication']);
    expect(steps('Mutation.applyAsMe').slice(1)).toEqual([steps('Mutation.applyToJob')[0], steps('Mutation.applyToJob').at(-1)]);
    expect(steps('Mutation.createMyProfile')[0]).toEqual(steps('Query.findCandidateByEmail')[0]);
  });

  it('keeps resolver and function files pure AppSync code: they import only @aws-appsync/*, src/data and generated types', () => {
    const files = [...[...resolverFiles().values()].map((file) => `${dir}${file}`), ...[...functionFiles().values()].map((file) => `${functionsDir}${file}`)];
    for (const file of files) {
      for (const path of importsOf(file)) expect(path, file).toMatch(/^(@aws-appsync\/utils(\/dynamodb)?|(\.\.\/)+(data|generated)\/[\w-]+)$/);
    }
  });
});

describe('src/functions/index.ts', () => {
  it('registers each function file under its file name, with the module in that file', async () => {
    expect(Object.keys(functions).sort()).toEqual([...functionFiles().keys()].sort());
    for (const [name, file] of functionFiles()) {
      const step = functions[name as keyof typeof functions];
      expect(step.name).toBe(name);
      expect(step.module, name).toBe(await import(/* @vite-ignore */ `${functionsDir}${file}`));
    }
  });

  it('refuses two functions of the same name: AppSync function names are unique', () => {
    const step = { request: () => ({ payload: null }), response: () => null };
    expect(() => functionTable(fn('load', step, NONE), fn('load', step, NONE))).toThrow('Two pipeline functions are named load');
  });

  it('a pipeline naming an unregistered function fails at cold start, naming the coordinate', () => {
    const { pipeline } = typedRoutes<AppSyncFields, typeof functions>(functions);
    expect(() => pipeline('Mutation.createJob', MutationCreateJob, ['requireCompany', 'toString' as never])).toThrow('Mutation.createJob: no pipeline function is named toString');
  });
});
