/**
 * Summarises V8 `.cpuprofile` files of a bundle: self time per npm package and per function, with
 * bundle positions mapped back to their sources through the bundle's source map.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { pathToFileURL } from 'node:url';
import { packageOf } from './composition.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/** The parts of a V8 CPU profile this summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTimes {
  /** [package or phase, milliseconds] summed over all profiles, largest first. */
  byPackage: [string, number][];
  byFunction: [string, number][];
  totalMs: number;
}

function sorted(map: Map<string, number>): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1]);
}

/** Self time of every sampled frame, attributed to a package of the bundle (or Node / V8). */
export function selfTimes(profiles: readonly CpuProfile[], bundleFile: string): SelfTimes {
  const bundleUrl = pathToFileURL(bundleFile).href;
  const map = new SourceMap(JSON.parse(readFileSync(`${bundleFile}.map`, 'utf8')));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  const add = (target: Map<string, number>, key: string, time: number) => target.set(key, (target.get(key) ?? 0) + time);
  for (const profile of profiles) {
    const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    for (let index = 0; index < profile.samples.length; index++) {
      const time = (profile.timeDeltas[index + 1] ?? 0) / 1000;
      const frame = frames.get(profile.samples[index]!)!;
      totalMs += time;
      let where: string;
      let name = frame.functionName || '(anonymous)';
      if (frame.url === bundleUrl) {
        const entry = map.findEntry(frame.lineNumber, frame.columnNumber);
        const source = 'originalSource' in entry ? entry.originalSource.replace(/^(\.\.\/)+/, '') : 'bundle';
        where = packageOf(source.replace(/^.*?(node_modules\/)/, 'node_modules/'));
        name = `${'name' in entry && entry.name ? entry.name : name}  ${source.replace(/^.*node_modules\//, '')}:${'originalLine' in entry ? entry.originalLine + 1 : '?'}`;
      } else if (frame.url.startsWith('node:')) {
        where = 'node: internals';
        name = `${name}  ${frame.url}`;
      } else if (!frame.url) {
        where = `v8 ${frame.functionName || '(native)'}`;
      } else {
        where = frame.url;
      }
      add(byPackage, where, time);
      add(byFunction, name, time);
    }
  }
  return { byPackage: sorted(byPackage), byFunction: sorted(byFunction), totalMs };
}
