/** Readers for configuration values, each failing with the value's place in the configuration. */
import { WiringError, placeOf } from './errors';

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An object, or the error naming `place`. */
export function objectAt(value: unknown, place: string): Record<string, unknown> {
  if (!isObject(value)) throw new WiringError(place, `expected an object, got ${describe(value)}`);
  return value;
}

/**
 * A map of named entries. serverless-appsync-plugin also accepts a list of such maps (one per
 * included file); they are merged, and a name given twice is an error.
 */
export function namedEntries(value: unknown, place: string): Array<[name: string, value: unknown, place: string]> {
  if (value === undefined || value === null) return [];
  const maps = Array.isArray(value) ? value.map((each, index) => [objectAt(each, placeOf(place, index)), placeOf(place, index)] as const) : [[objectAt(value, place), place] as const];
  const seen = new Set<string>();
  const entries: Array<[string, unknown, string]> = [];
  for (const [map, mapPlace] of maps) {
    for (const [name, entry] of Object.entries(map)) {
      if (seen.has(name)) throw new WiringError(placeOf(mapPlace, name), `"${name}" is defined more than once`);
      seen.add(name);
      entries.push([name, entry, placeOf(mapPlace, name)]);
    }
  }
  return entries;
}

/** A non-empty string, or the error naming `place`. */
export function stringAt(value: unknown, place: string): string {
  if (typeof value !== 'string' || value === '') throw new WiringError(place, `expected a non-empty string, got ${describe(value)}`);
  return value;
}

/** An optional positive integer. */
export function optionalIntegerAt(value: unknown, place: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new WiringError(place, `expected a positive integer, got ${describe(value)}`);
  return value;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : JSON.stringify(value);
}
