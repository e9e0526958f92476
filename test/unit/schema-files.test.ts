import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAppSyncSchema } from '@appsync-lambda/engine';
import { buildASTSchema, printType } from 'graphql';
import { describe, expect, it } from 'vitest';
import domainSdl from '../../schema/schema.graphql';
import { schemaSdl } from '../../src/api';

const dir = fileURLToPath(new URL('../../schema/', import.meta.url));

// codegen.ts loads schema/*.graphql; the server must serve the same files, or generated types drift.
describe('schemaSdl', () => {
  it('contains every schema/*.graphql file that codegen loads', () => {
    const files = readdirSync(dir).filter((name) => name.endsWith('.graphql'));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(schemaSdl, file).toContain(readFileSync(`${dir}${file}`, 'utf8').trim());
  });

  it('loads the hiring schema as deployed to AppSync (schema/schema.graphql alone) into the same types as with its declarations', () => {
    const deployed = buildASTSchema(parseAppSyncSchema(domainSdl));
    const declared = buildASTSchema(parseAppSyncSchema(schemaSdl));
    const domainTypes = Object.keys(declared.getTypeMap()).filter((name) => !name.startsWith('__') && !name.startsWith('AWS'));
    expect(domainTypes.length).toBeGreaterThan(10);
    for (const name of domainTypes) expect(printType(deployed.getType(name)!), name).toBe(printType(declared.getType(name)!));
  });
});
