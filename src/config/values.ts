/** How the configuration's parts read a value: the shapes variables share, and the engine's checks named after them. */
import { OptionError } from '@appsync-lambda/engine';
import { VARIABLES } from './variables';

/** The function's environment, or any record standing in for it (tests). */
export type Env = Readonly<Record<string, string | undefined>>;

/** An optional integer within [min, max]; unset or empty is undefined, anything else stops the cold start. */
export function integer(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** A comma list, its entries trimmed, empty ones dropped. */
export function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
}

/** Engine options set by one variable, longest first so that no path replaces part of a longer one. */
const OPTIONS = VARIABLES.flatMap(({ name, option }) => (option ? [{ name, option }] : [])).sort((a, b) => b.option.length - a.option.length);

/**
 * The engine's own check of options built from variables (`validate` throws an OptionError naming
 * `auth.cognito.userPoolId`), with its message naming the variables an operator sets instead.
 */
export function checkedByEngine<T>(validate: (value: T) => T, value: T): T {
  try {
    return validate(value);
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    const message = OPTIONS.reduce((text, { name, option }) => text.replaceAll(option, name), error.message);
    throw new Error(message, { cause: error });
  }
}
