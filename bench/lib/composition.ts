/** What a bundle is made of: output bytes per npm package (or `src`), from the esbuild metafile. */
import type { Metafile } from 'esbuild';

export interface PackageShare {
  name: string;
  bytes: number;
  modules: number;
}

/** The package an input path belongs to: the last `node_modules/<name>` segment, else its top folder. */
export function packageOf(path: string): string {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (match) return match[1]!;
  return path.split('/')[0] ?? path;
}

/** Packages by bytes in the output, largest first. */
export function composition(metafile: Metafile): PackageShare[] {
  const shares = new Map<string, PackageShare>();
  for (const output of Object.values(metafile.outputs)) {
    if (!output.entryPoint) continue;
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      const share = shares.get(name) ?? { name, bytes: 0, modules: 0 };
      share.bytes += input.bytesInOutput;
      share.modules += 1;
      shares.set(name, share);
    }
  }
  return [...shares.values()].sort((a, b) => b.bytes - a.bytes);
}
