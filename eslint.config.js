// One linter for the project: typescript-eslint's recommended rules everywhere, and AWS's
// @aws-appsync/eslint-plugin on resolver code so that it stays valid APPSYNC_JS (no async, no
// classes, no try, no regex literals, no recursion, no disallowed built-in methods, …), and
// @graphql-eslint on schema/*.graphql and on the operations, validated against that schema.
import js from '@eslint/js';
import appsync from '@aws-appsync/eslint-plugin';
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { documents, schema } from './graphql.config.ts';

/** @graphql-eslint's schema rules, relaxed below where they fight AppSync's conventions. */
const schemaRules = graphqlPlugin.configs['flat/schema-recommended'].rules;

/** Code that runs inside APPSYNC_JS on AppSync: resolvers, pipeline functions and the data builders they import. */
const resolverFiles = ['src/resolvers/**/*.{ts,js}', 'src/functions/**/*.{ts,js}', 'src/data/**/*.{ts,js}', 'examples/*/resolvers/**/*.{ts,js}', 'examples/*/functions/**/*.{ts,js}'];

export default defineConfig(
  {
    ignores: ['**/node_modules/**', 'dist/**', '.serverless/**', '.esbuild/**', 'src/generated/**', 'sdk/src/generated/**', 'sdk/dist/**', 'packages/*/dist/**', 'examples/*/dist/**', 'coverage/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // The runtime's generic contracts mirror @aws-appsync/utils, whose own types use `any`.
      '@typescript-eslint/no-explicit-any': 'off',
      // `_name` marks a binding kept on purpose (destructuring to drop a field, unused parameters).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.cjs', '**/*.cts'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    ...appsync.configs.recommended,
    files: resolverFiles,
    ignores: ['src/resolvers/index.ts'],
    languageOptions: {
      ...appsync.configs.recommended.languageOptions,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  // GraphQL: the schema and the client operations, loaded from the globs codegen uses
  // (graphql.config.ts), so the operations are validated against the schema Apollo serves.
  {
    files: [...schema, ...documents],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema, documents } } },
    plugins: { '@graphql-eslint': graphqlPlugin },
  },
  {
    files: schema,
    rules: {
      ...schemaRules,
      // One-line descriptions are "quoted", longer ones """blocks"""; the rule allows one style only.
      '@graphql-eslint/description-style': 'off',
      '@graphql-eslint/naming-convention': [
        'error',
        {
          ...schemaRules['@graphql-eslint/naming-convention'][1],
          // AppSync names its directives aws_* and their group argument cognito_groups; so must we.
          DirectiveDefinition: { style: 'camelCase', ignorePattern: '^aws_' },
          InputValueDefinition: { style: 'camelCase', ignorePattern: '^cognito_groups$' },
          Argument: { style: 'camelCase', ignorePattern: '^cognito_groups$' },
        },
      ],
      // Pages (*Connection) and the entries of an application's history are values, not entities.
      '@graphql-eslint/strict-id-in-types': ['error', { exceptions: { suffixes: ['Connection'], types: ['StageChange', 'StageCount', 'Salary', 'CompanyRecruiter'] } }],
    },
  },
  {
    // AppSync's built-in scalars and directives are declared whether or not our schema uses them.
    files: ['schema/appsync.graphql'],
    rules: { '@graphql-eslint/no-unreachable-types': 'off' },
  },
  {
    files: documents,
    rules: graphqlPlugin.configs['flat/operations-recommended'].rules,
  },
);
