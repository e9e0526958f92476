/**
 * Errors of wiring an API from configuration. Each names the place in the configuration it is
 * about (`appSync.resolvers["Query.job"].dataSource`), and all are thrown at cold start, before
 * the first request, so a broken configuration never serves traffic.
 */

/** A configuration the runtime cannot wire: a missing, malformed or dangling setting. */
export class WiringError extends Error {
  constructor(
    /** Where in the configuration, as a property path (`appSync.dataSources.users.config.tableName`). */
    readonly place: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`${place}: ${problem}`, options);
    this.name = 'WiringError';
  }
}

/** A setting AppSync has and this runtime does not implement (an OpenSearch data source, VTL templates). */
export class UnsupportedError extends WiringError {
  constructor(place: string, problem: string) {
    super(place, problem);
    this.name = 'Unsupported';
  }
}

/** `parent.key` for identifiers, `parent["key"]` otherwise (`appSync.resolvers["Query.job"]`). */
export function placeOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}
