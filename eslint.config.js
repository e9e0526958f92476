// One linter for the project: typescript-eslint's recommended rules everywhere, and AWS's
// @aws-appsync/eslint-plugin on resolver code so that it stays valid APPSYNC_JS (no async, no
// classes, no try, no regex literals, no recursion, no disallowed built-in methods, …).
import js from '@eslint/js';
import appsync from '@aws-appsync/eslint-plugin';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that runs inside APPSYNC_JS on AppSync: resolvers, pipeline functions and the data builders they import. */
const resolverFiles = ['src/resolvers/**/*.{ts,js}', 'src/functions/**/*.{ts,js}', 'src/data/**/*.{ts,js}'];

export default defineConfig(
  {
    ignores: ['**/node_modules/**', 'dist/**', '.serverless/**', '.esbuild/**', 'src/generated/**', 'sdk/src/generated/**', 'sdk/dist/**', 'coverage/**'],
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
);
