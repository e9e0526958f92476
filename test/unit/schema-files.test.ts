import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APPSYNC_DEFINITIONS_SDL, parseAppSyncSchema } from '@appsync-lambda/engine';
import { buildASTSchema, Kind, parse, print, printType, type DefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import appsyncSdl from '../../schema/appsync.graphql';
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

/** Each scalar and directive as SDL without its description: name, arguments and their types, locations. */
function declarations(sdl: string): string[] {
  const undescribed = (definition: DefinitionNode): DefinitionNode => ('description' in definition ? { ...definition, description: undefined } : definition);
  return parse(sdl, { noLocation: true })
    .definitions.filter((definition) => definition.kind === Kind.SCALAR_TYPE_DEFINITION || definition.kind === Kind.DIRECTIVE_DEFINITION)
    .map((definition) => print(undescribed(definition)))
    .sort();
}

// Tools read schema/appsync.graphql, the engine its own copy: a difference would let codegen and the
// linter accept a schema the server refuses, or the reverse.
describe('schema/appsync.graphql', () => {
  it('declares the scalars and directives the engine adds, with the same arguments and locations', () => {
    const engine = declarations(APPSYNC_DEFINITIONS_SDL);
    expect(engine.length).toBeGreaterThan(15);
    expect(declarations(appsyncSdl)).toEqual(engine);
  });
});
