// docs/configuration.md against the configuration module: the variables src/config/ reads, the ones it
// lists (src/config/variables.ts), the doc's tables and serverless.yml's environment all agree, and
// nothing else in the app or the engine reads the environment.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readConfig } from '../../src/config';
import { VARIABLES, type Variable } from '../../src/config/variables';

const doc = readFileSync('docs/configuration.md', 'utf8');

/** The doc's `## title` section, up to the next one. */
function section(title: string): string {
  const start = doc.indexOf(`\n## ${title}\n`);
  if (start === -1) throw new Error(`docs/configuration.md has no section "## ${title}"`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

/** A table row's cells. */
const cells = (line: string) => line.slice(2, -2).split(' | ');

/** The variables section's rows, each with the part its `### … (src/config/<part>.ts)` heading names. */
function documentedVariables(): Array<Pick<Variable, 'part' | 'name' | 'default' | 'meaning'>> {
  let part = '';
  const rows = [];
  for (const line of section('Variables').split('\n')) {
    const heading = /^### .*`src\/config\/([a-z-]+)\.ts`/.exec(line);
    if (heading) part = heading[1]!;
    if (!line.startsWith('| `')) continue;
    const [name = '', byDefault = '', meaning = ''] = cells(line);
    rows.push({ part, name: name.replaceAll('`', ''), default: byDefault, meaning });
  }
  return rows as Array<Pick<Variable, 'part' | 'name' | 'default' | 'meaning'>>;
}

const byName = <T extends { name: string }>(list: readonly T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));

/** Whether `name` is the listed variable, or one of its family (`QUERY_BUDGET_<MODE>` → `QUERY_BUDGET_API_KEY`). */
function isListedAs(variable: Variable, name: string): boolean {
  const family = /^(.*)<[A-Z]+>$/.exec(variable.name);
  return family ? name.startsWith(family[1]!) && name.length > family[1]!.length : name === variable.name;
}

/** Every name readConfig reads of `env`, recorded as it reads them. */
function namesRead(env: Record<string, string>): string[] {
  const read = new Set<string>();
  readConfig(
    new Proxy(env, {
      get(target, name) {
        if (typeof name === 'string') read.add(name);
        return Reflect.get(target, name);
      },
    }),
  );
  return [...read];
}

// Every branch that reads something: both token-checking modes, Lambda without a pagination
// secret, tracing and publishing on, a resolver variable.
const EVERYTHING_ON = {
  TABLE_NAME: 'hiring',
  AUTH_DEFAULT_MODE: 'AMAZON_COGNITO_USER_POOLS',
  AUTH_ADDITIONAL_MODES: 'OPENID_CONNECT',
  COGNITO_USER_POOL_ID: 'eu-west-1_Pool1',
  OIDC_ISSUER: 'https://login.example.com',
  AWS_LAMBDA_FUNCTION_NAME: 'hiring-api-dev-graphql',
  IS_OFFLINE: 'true',
  TRACING: 'on',
  REALTIME_FUNCTION_NAME: 'hiring-api-dev-realtime',
  RESOLVER_ENV_STAGE: 'dev',
};

describe('the configuration module', () => {
  const read = namesRead(EVERYTHING_ON);

  it('lists every variable it reads', () => {
    // Not vacuous: the recording saw the reads.
    expect(read).toContain('TABLE_NAME');
    expect(read).toContain('RESOLVER_ENV_STAGE');
    expect(read.filter((name) => !VARIABLES.some((variable) => isListedAs(variable, name)))).toEqual([]);
  });

  it('reads every variable it lists', () => {
    expect(VARIABLES.filter((variable) => !read.some((name) => isListedAs(variable, name))).map((variable) => variable.name)).toEqual([]);
  });

  it('is the only code of the app and the engine that touches process.env', () => {
    const readers = ['src', 'packages/engine/src'].flatMap((root) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts') && readFileSync(join(root, file), 'utf8').includes('process.env'))
        .map((file) => join(root, file)),
    );
    expect(readers).toEqual([join('src', 'config', 'index.ts')]);
  });
});

describe('docs/configuration.md', () => {
  it('shows every listed variable, with its default, meaning and part, and no other', () => {
    const listed = VARIABLES.map(({ part, name, default: byDefault, meaning }) => ({ part, name, default: byDefault, meaning }));
    expect(byName(documentedVariables())).toEqual(byName(listed));
  });

  it('knows every variable serverless.yml sets: read by the module, or by Node.js and Powertools themselves', () => {
    const own = section('Read by Node.js, Powertools and the AWS SDK themselves')
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .flatMap((line) => [...cells(line)[0]!.matchAll(/`([A-Z_]+)`/g)].map((match) => match[1]!));
    expect(own).toContain('NODE_OPTIONS');
    expect(own.filter((name) => VARIABLES.some((variable) => isListedAs(variable, name)))).toEqual([]);

    type Environment = { environment?: Record<string, unknown> };
    const { provider, functions } = parseYaml(readFileSync('serverless.yml', 'utf8'), { logLevel: 'silent' }) as { provider: Environment; functions: Record<string, Environment> };
    const deployed = [provider, ...Object.values(functions)].flatMap(({ environment }) => Object.keys(environment ?? {}));
    expect(deployed).toContain('TABLE_NAME');
    expect(deployed.filter((name) => !own.includes(name) && !VARIABLES.some((variable) => isListedAs(variable, name)))).toEqual([]);
  });
});
