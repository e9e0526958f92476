// The engine installs AppSync's globals itself (EXE-01): a resolver using util, runtime and
// extensions without importing them runs through createServer with a schema of its own, in a process
// where nothing else has defined them.
import { beforeAll, describe, expect, it } from 'vitest';
import { extensions as engineExtensions, runtime as engineRuntime, util as engineUtil } from '@aws-appsync/utils';
import { installAppSyncGlobals } from '@appsync-lambda/engine/testing';
import { NONE, unit } from '@appsync-lambda/engine';
import * as greeting from '../../fixtures/appsync-globals/Query.greeting';
import { createRuntimeApi, type RuntimeApi } from '../../helpers/harness';

const GLOBALS = ['util', 'runtime', 'extensions'] as const;
const globals = globalThis as Record<string, unknown>;

describe('AppSync globals (EXE-01)', () => {
  let api: RuntimeApi;

  beforeAll(() => {
    // Whatever this process loaded before, start from none, as the engine used alone would.
    for (const name of GLOBALS) delete globals[name];
    expect(GLOBALS.filter((name) => name in globals)).toEqual([]);
    api = createRuntimeApi({ sdl: 'type Query { greeting(name: String): AWSJSON }', resolvers: { 'Query.greeting': unit(greeting, NONE) } });
  });

  it('EXE-01 installs util, runtime and extensions when the engine builds its schema', () => {
    expect(globals.util).toBe(engineUtil);
    expect(globals.runtime).toBe(engineRuntime);
    expect(globals.extensions).toBe(engineExtensions);
  });

  it('EXE-01 runs a resolver that uses the globals without importing them', async () => {
    const named = await api.graphql('{ greeting(name: "Ada") }');
    expect(named.body.errors).toBeUndefined();
    expect(JSON.parse(named.body.data.greeting)).toEqual({ text: 'Hello, Ada', id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const early = await api.graphql('{ greeting }');
    expect(JSON.parse(early.body.data.greeting)).toMatchObject({ text: 'Hello, stranger' });
    const refused = await api.graphql('{ greeting(name: "Mallory") }');
    expect(refused.body.errors).toMatchObject([{ errorType: 'Forbidden', message: 'Not you' }]);
    expect(api.errors).toEqual([]);
  });

  it('EXE-01 installs them once: building again, or calling again, keeps the same objects', () => {
    createRuntimeApi({ sdl: 'type Query { ok: Boolean }', resolvers: {} });
    installAppSyncGlobals();
    expect(globals.util).toBe(engineUtil);
    expect(globals.runtime).toBe(engineRuntime);
  });

  it('EXE-01 leaves a global the host defined as it is', () => {
    const host = { util: 'the host’s own' };
    installAppSyncGlobals(host);
    installAppSyncGlobals(host);
    expect(host).toEqual({ util: 'the host’s own', runtime: engineRuntime, extensions: engineExtensions });
  });
});
