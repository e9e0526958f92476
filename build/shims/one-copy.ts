/**
 * Keeps one copy of a dual-format package in the bundle. A package that ships ESM and CommonJS
 * builds behind `exports` conditions is bundled twice when our ES imports pick its ESM build and a
 * CommonJS dependency's `require()` picks the other: @as-integrations/aws-lambda requires
 * @apollo/server (its CommonJS build then pulls CommonJS @graphql-tools/* too), and
 * @apollo/utils.keyvaluecache requires lru-cache. Both copies are evaluated at cold start. This
 * plugin resolves those `require()` calls as imports, so they share the ESM copy.
 */
import type { Plugin } from 'esbuild';

/** Packages whose `require()` calls resolve to the same build as their imports. */
export const ONE_COPY_PACKAGES = ['@apollo/server', 'lru-cache'];

export function oneCopy(packages: readonly string[] = ONE_COPY_PACKAGES): Plugin {
  const escaped = packages.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const filter = new RegExp(`^(?:${escaped.join('|')})(?:/.*)?$`);
  return {
    name: 'one-copy',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter }, async (args) => {
        if (args.kind !== 'require-call' || args.pluginData === 'one-copy') return undefined;
        const resolved = await pluginBuild.resolve(args.path, { kind: 'import-statement', resolveDir: args.resolveDir, importer: args.importer, pluginData: 'one-copy' });
        return resolved.errors.length > 0 ? undefined : { path: resolved.path, external: resolved.external, sideEffects: resolved.sideEffects };
      });
    },
  };
}
