/**
 * An option the engine cannot run with, found while it is built (at cold start), so a bad deploy
 * fails loudly instead of failing every request. The message starts with the option's path
 * (`auth.cognito.userPoolId must …`): an application that reads its options from somewhere else
 * (environment variables, a file) can name that source instead.
 */
export class OptionError extends Error {
  override readonly name = 'OptionError';

  /** `option`: the option's path in the options object, as the message spells it. */
  constructor(
    readonly option: string,
    problem: string,
  ) {
    super(`${option} ${problem}`);
  }
}
