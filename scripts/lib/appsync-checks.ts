/**
 * What makes a bundle deployable as an AppSync resolver or function: it imports only
 * `@aws-appsync/*`, holds only code from resolvers, functions and data builders, fits AppSync's
 * 32,768-character code limit (contract LIM-06), exports `request` and `response`, and its output
 * (not only its sources) passes `@aws-appsync/eslint-plugin`'s recommended rules.
 */
import appsync from '@aws-appsync/eslint-plugin';
import { ESLint, type Linter } from 'eslint';
import { dirname } from 'node:path';
import ts from 'typescript';
import { APPSYNC_MODULES, type AppSyncBundle } from './appsync-bundle.ts';

/** AppSync's limit on the code of one resolver or function, in characters (contract LIM-06). */
export const MAX_CODE_CHARACTERS = 32_768;

/** Where the code a module pulls in may come from (the rest of `src` is the Lambda runtime). */
const isAppSyncSource = (input: string) => /^src\/(resolvers|functions|data)\//.test(input);

/** Problems of one bundle found without running it; empty when it is fine. */
export function checkBundle(source: string, bundle: AppSyncBundle): string[] {
  const problems: string[] = [];
  const only = `APPSYNC_JS code may import only ${APPSYNC_MODULES.join(' and ')}`;
  for (const { path, importer } of bundle.forbiddenImports) {
    problems.push(`${source}: ${importer === source ? '' : `${importer} `}imports ${path}; ${only}`);
  }
  const [output] = Object.values(bundle.metafile.outputs);
  for (const { path } of output?.imports ?? []) {
    if (!APPSYNC_MODULES.includes(path) && !bundle.forbiddenImports.some((forbidden) => forbidden.path === path)) {
      problems.push(`${source}: the bundle imports ${path}; ${only}`);
    }
  }
  for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
    if (bytesInOutput > 0 && input !== source && !isAppSyncSource(input)) {
      problems.push(`${source}: the bundle contains ${input}; only src/resolvers, src/functions and src/data may run on AppSync`);
    }
  }
  if (bundle.code.length > MAX_CODE_CHARACTERS) {
    problems.push(`${source}: the bundle has ${bundle.code.length} characters; AppSync accepts at most ${MAX_CODE_CHARACTERS} (LIM-06)`);
  }
  const exported = output?.exports ?? [];
  for (const name of ['request', 'response']) {
    if (!exported.includes(name)) problems.push(`${source}: the bundle does not export ${name}(ctx)`);
  }
  return problems;
}

/**
 * Lints written bundles with `@aws-appsync/eslint-plugin`'s recommended rules (which need type
 * information: one TypeScript program over the JS files). Returns `<label>: <line>:<col> <message> (<rule>)`.
 */
export async function lintBundles(files: ReadonlyMap<string, string>): Promise<string[]> {
  const paths = [...files.keys()];
  if (paths.length === 0) return [];
  const program = ts.createProgram(paths, {
    allowJs: true,
    checkJs: false,
    noEmit: true,
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  });
  const recommended = appsync.configs?.recommended as Linter.Config | undefined;
  if (!recommended?.rules) throw new Error('@aws-appsync/eslint-plugin has no recommended config');
  const eslint = new ESLint({
    cwd: commonDir(paths),
    overrideConfigFile: true,
    overrideConfig: [
      {
        ...recommended,
        files: ['**/*.js'],
        languageOptions: { ...recommended.languageOptions, sourceType: 'module', parserOptions: { programs: [program] } },
        // The plugin's no-classes only sees class declarations; esbuild emits `var C = class {…}`.
        rules: { ...recommended.rules, 'no-restricted-syntax': ['error', { selector: 'ClassExpression', message: 'Classes are not supported.' }] },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
    ],
  });
  const results = await eslint.lintFiles(paths);
  return results.flatMap((result) =>
    result.messages.map((message) => `${files.get(result.filePath) ?? result.filePath}: ${message.line}:${message.column} ${message.message} (${message.ruleId ?? 'parser'})`),
  );
}

function commonDir(paths: string[]): string {
  let dir = dirname(paths[0]!);
  while (!paths.every((path) => path.startsWith(`${dir}/`))) dir = dirname(dir);
  return dir;
}
