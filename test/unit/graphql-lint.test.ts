import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import codegen from '../../codegen';
import { documents, schema } from '../../graphql.config';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The rule ids and messages ESLint reported, for assertions that name what failed. */
const findings = (messages: Linter.LintMessage[]) => messages.map(({ ruleId, message }) => ({ ruleId, message }));

// The project's own eslint.config.js, as `npm run lint` loads it.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

describe('GraphQL lint (eslint.config.js with @graphql-eslint)', () => {
  it('codegen and the linter load the same schema and document globs (graphql.config.ts)', () => {
    expect(codegen.schema).toEqual(schema);
    expect(codegen.documents).toEqual(documents);
  });

  it('validates an operation against the schema: unknown field and unused variable fail, fragments of other files resolve', async () => {
    const operation = /* GraphQL */ `
      query JobProbe($id: ID!, $unused: Int) {
        job(id: $id) {
          ...JobFields
          wage
        }
      }
    `;
    const [result] = await eslint.lintText(operation, { filePath: `${root}schema/operations/probe.graphql` });
    const found = findings(result!.messages);
    expect(found).toContainEqual({ ruleId: '@graphql-eslint/fields-on-correct-type', message: 'Cannot query field "wage" on type "Job".' });
    expect(found).toContainEqual(expect.objectContaining({ ruleId: '@graphql-eslint/no-unused-variables', message: expect.stringContaining('"$unused"') }));
    expect(found.filter(({ ruleId }) => ruleId === '@graphql-eslint/known-fragment-names')).toEqual([]);
    expect(result!.errorCount).toBe(found.length);
  });

  it('a valid operation passes (ids selected, as require-selections asks for client caches)', async () => {
    const operation = 'query JobTitle($id: ID!) {\n  job(id: $id) {\n    id\n    title\n  }\n}\n';
    const [result] = await eslint.lintText(operation, { filePath: `${root}schema/operations/probe.graphql` });
    expect(findings(result!.messages)).toEqual([]);
  });

  it('checks schema files: naming and descriptions, with AppSync names allowed', async () => {
    const sdl = [
      'type job_posting @aws_cognito_user_pools(cognito_groups: ["admins"]) {',
      '  id: ID!',
      '  Title: String',
      '}',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(sdl, { filePath: `${root}schema/probe.graphql` });
    const found = findings(result!.messages);
    expect(found).toContainEqual(expect.objectContaining({ ruleId: '@graphql-eslint/naming-convention', message: expect.stringContaining('"job_posting"') }));
    expect(found).toContainEqual(expect.objectContaining({ ruleId: '@graphql-eslint/naming-convention', message: expect.stringContaining('"Title"') }));
    expect(found).toContainEqual(expect.objectContaining({ ruleId: '@graphql-eslint/require-description', message: expect.stringContaining('"job_posting"') }));
    expect(found.filter(({ message }) => message.includes('cognito_groups'))).toEqual([]);
  });

  it('the schema and operation files have no findings', async () => {
    const results = await eslint.lintFiles(['schema/**/*.graphql']);
    const files = results.map(({ filePath }) => filePath.slice(root.length)).sort();
    expect(files).toEqual(expect.arrayContaining(['schema/appsync.graphql', 'schema/schema.graphql', 'schema/operations/jobs.graphql']));
    expect(results.flatMap(({ filePath, messages }) => findings(messages).map((finding) => ({ file: filePath.slice(root.length), ...finding })))).toEqual([]);
    // Operation files get the operation rules, schema files the schema rules.
    const operationRules = Object.keys((await eslint.calculateConfigForFile('schema/operations/jobs.graphql')).rules);
    const schemaRules = Object.keys((await eslint.calculateConfigForFile('schema/schema.graphql')).rules);
    expect(operationRules).toContain('@graphql-eslint/fields-on-correct-type');
    expect(schemaRules).toContain('@graphql-eslint/no-unreachable-types');
    expect(schemaRules).not.toContain('@graphql-eslint/fields-on-correct-type');
  });
});
