/**
 * Lazy access to js-joda (a port of java.time, so patterns behave like Java's DateTimeFormatter),
 * its IANA time-zone database and its en-US texts (month and day names, AM/PM, zone names).
 * Together they cost tens of milliseconds to load, so they are required on the first call of a
 * formatting or parsing function, never at cold start. `require` is bundled by esbuild (CommonJS
 * output) and provided by vitest; under a pure-ESM loader we fall back to Node's createRequire.
 */
import type * as JodaCore from '@js-joda/core';
import type { Locale as JodaLocale } from '@js-joda/locale';

export interface Joda {
  core: typeof JodaCore;
  locale: JodaLocale;
}

let loaded: Joda | undefined;

const NAMES = ['@js-joda/core', '@js-joda/timezone', '@js-joda/locale', '@js-joda/locale_en-us'] as const;

/** Literal require calls, so that esbuild bundles them; the order matters (plugins register with the core). */
function requireModules(): unknown[] {
  if (typeof require !== 'function') return NAMES.map(process.getBuiltinModule('node:module').createRequire(`${process.cwd()}/`));
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, on purpose */
  return [require('@js-joda/core'), require('@js-joda/timezone'), require('@js-joda/locale'), require('@js-joda/locale_en-us')];
  /* eslint-enable @typescript-eslint/no-require-imports */
}

function load(): Joda {
  const [core, , locale] = requireModules();
  return { core: core as typeof JodaCore, locale: (locale as { Locale: typeof JodaLocale }).Locale.US };
}

/** js-joda, loaded on first use. */
export function joda(): Joda {
  loaded ??= load();
  return loaded;
}
