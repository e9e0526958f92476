import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaSdl } from '../../src/api';

const dir = fileURLToPath(new URL('../../schema/', import.meta.url));

// codegen.ts loads schema/*.graphql; the server must serve the same files, or generated types drift.
describe('schemaSdl', () => {
  it('contains every schema/*.graphql file that codegen loads', () => {
    const files = readdirSync(dir).filter((name) => name.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(schemaSdl, file).toContain(readFileSync(`${dir}${file}`, 'utf8').trim());
  });
});
