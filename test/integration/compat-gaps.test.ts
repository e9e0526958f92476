// Conformance for the items docs/appsync-compatibility.md lists that the project's own files
// decide: AppSync's auth directives as schema/appsync.graphql declares them (AUTH-02), the request
// time limit serverless.yml deploys (LIM-01), and the APPSYNC_JS language rules (LANG-*), which
// `npm run lint` enforces on resolver code while the runtime itself runs any JavaScript.
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

describe('auth directives (AUTH-02)', () => {
  it('AUTH-02 declares AppSync\u2019s auth directives on objects and fields, cognito_groups on the user-pool ones', () => {
    const sdl = readFileSync(new URL('../../schema/appsync.graphql', import.meta.url), 'utf8');
    const schema = buildSchema(`${sdl}\ntype Query { ok: Boolean }`);
    for (const name of ['aws_api_key', 'aws_iam', 'aws_oidc', 'aws_lambda', 'aws_cognito_user_pools']) {
      expect(schema.getDirective(name)?.locations, name).toEqual(['OBJECT', 'FIELD_DEFINITION']);
    }
    expect(schema.getDirective('aws_auth')?.locations).toContain('FIELD_DEFINITION');
    for (const name of ['aws_cognito_user_pools', 'aws_auth']) {
      expect(schema.getDirective(name)?.args.map((arg) => arg.name), name).toEqual(['cognito_groups']);
    }
  });
});

describe('request execution time (LIM-01)', () => {
  it('LIM-01 the deployed function times out within HTTP API’s 30 s integration limit', () => {
    const config = parseYaml(readFileSync(new URL('../../serverless.yml', import.meta.url), 'utf8'), { logLevel: 'error' }) as {
      provider: { timeout?: number };
      functions: Record<string, { timeout?: number }>;
    };
    const timeouts = Object.values(config.functions).map((fn) => fn.timeout ?? config.provider.timeout);
    expect(timeouts.length).toBeGreaterThan(0);
    for (const timeout of timeouts) {
      expect(timeout).toBeGreaterThan(0);
      expect(timeout).toBeLessThanOrEqual(30);
    }
  });
});

describe('APPSYNC_JS language rules (LANG-*)', () => {
  // The project's own ESLint configuration, applied as `npm run lint` applies it to resolver files.
  const eslint = new ESLint();
  const ruleIds = async (code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: 'src/resolvers/Query.company.ts' });
    return (result?.messages ?? []).map((message) => message.ruleId ?? 'fatal');
  };
  const appsyncRules = async (code: string) => (await ruleIds(code)).filter((id) => id.startsWith('@aws-appsync/') || id === 'fatal');

  it('LANG-01 lint rejects try/catch, while loops and continue in resolver code', async () => {
    const rules = await appsyncRules(
      `export function request() { let n = 0; while (n < 2) { n += 1; } for (const x of [1]) { if (x) continue; } try { n = 1; } catch { n = 2; } return { payload: n }; }\nexport function response(ctx) { return ctx.result; }`,
    );
    expect(rules).toEqual(expect.arrayContaining(['@aws-appsync/no-while', '@aws-appsync/no-continue', '@aws-appsync/no-try']));
  });

  it('LANG-02 lint rejects ++ and the in operator', async () => {
    const rules = await appsyncRules(`export function request(ctx) { let n = 0; n++; return { payload: 'a' in ctx.args ? n : 0 }; }\nexport function response(ctx) { return ctx.result; }`);
    expect(rules).toEqual(expect.arrayContaining(['@aws-appsync/no-disallowed-unary-operators', '@aws-appsync/no-in-operator']));
  });

  it('LANG-03 lint rejects async functions and classes', async () => {
    const rules = await appsyncRules(`class Box {}\nexport function request() { return { payload: Box.name }; }\nexport async function response(ctx) { return ctx.result; }`);
    expect(rules).toEqual(expect.arrayContaining(['@aws-appsync/no-async', '@aws-appsync/no-classes']));
  });

  it('LANG-04 lint accepts the supported statements and built-ins', async () => {
    const rules = await appsyncRules(
      `export function request(ctx) { const out = []; for (const [k, v] of Object.entries(ctx.args)) { out.push(k.toUpperCase().trim() + JSON.stringify(v)); } return { payload: out.map((s) => s.slice(0, 3)).join(',') ?? Math.max(1, 2) }; }\nexport function response(ctx) { return ctx.result; }`,
    );
    expect(rules).toEqual([]);
  });

  it('LANG-05 lint rejects denied built-in methods', async () => {
    const rules = await appsyncRules(`export function request(ctx) { return { payload: Object.freeze({ a: String(ctx.args.a).padStart(3) }) }; }\nexport function response(ctx) { return ctx.result; }`);
    expect(rules).toContain('@aws-appsync/no-disallowed-methods');
  });

  it('LANG-06 lint rejects regex literals', async () => {
    const rules = await appsyncRules(`export function request(ctx) { return { payload: /a+/.test(String(ctx.args.a)) }; }\nexport function response(ctx) { return ctx.result; }`);
    expect(rules).toContain('@aws-appsync/no-regex');
  });
});
