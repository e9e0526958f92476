/**
 * An HTTP data source as configured on AppSync: an endpoint (scheme, host, optional port and base
 * path) that each request's `resourcePath` is appended to, and optionally AppSync's
 * `authorizationConfig` to sign requests to AWS services with SigV4.
 */

import type { HttpDataSourceOptions, HttpDataSourceRef } from '../../core/resolver';

export const HTTP_DATA_SOURCE_DEFAULTS = {
  /** Within the request's deadline (25 s at most), which still applies. */
  timeoutMs: 10_000,
  /** 5 MiB: a hostile or broken endpoint cannot make the function hold more than this per call. */
  maxResponseBytes: 5 * 1024 * 1024,
} as const;

/**
 * An HTTP data source for `endpoint` (`https://api.example.com`, optionally with a port or a base
 * path). A malformed endpoint or setting throws here, at cold start, not on the first request.
 */
export function httpDataSource(endpoint: string, options: HttpDataSourceOptions = {}): HttpDataSourceRef {
  const ref: HttpDataSourceRef = { kind: 'HTTP', endpoint, ...options };
  endpointUrl(ref);
  checkOptions(ref);
  return ref;
}

/** The endpoint as a URL; throws when it is not a plain http(s) base URL. */
export function endpointUrl(ref: HttpDataSourceRef): URL {
  let url: URL;
  try {
    url = new URL(ref.endpoint);
  } catch (error) {
    throw new Error(`The HTTP data source endpoint ${JSON.stringify(ref.endpoint)} is not a URL`, { cause: error });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`The HTTP data source endpoint ${ref.endpoint} must use http or https`);
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`The HTTP data source endpoint ${url.origin} must hold no credentials, query or fragment`);
  }
  return url;
}

/** The data source's name on AppSync: its `name`, or the endpoint's host as a valid name (`api_example_com`). */
export function httpDataSourceName(ref: HttpDataSourceRef): string {
  return ref.name ?? new URL(ref.endpoint).host.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9])/, '_');
}

function checkOptions(ref: HttpDataSourceRef): void {
  if (ref.name !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(ref.name)) throw new Error(`The HTTP data source name ${JSON.stringify(ref.name)} is not a valid AppSync data source name`);
  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error(`The HTTP data source's ${name} must be a positive integer, got ${String(value)}`);
  };
  positive('timeoutMs', ref.timeoutMs);
  positive('maxResponseBytes', ref.maxResponseBytes);
  const auth = ref.authorizationConfig;
  if (auth === undefined) return;
  const { signingRegion, signingServiceName } = auth.awsIamConfig ?? {};
  if (auth.authorizationType !== 'AWS_IAM' || !signingRegion || !signingServiceName) {
    throw new Error('An HTTP data source authorizationConfig needs authorizationType AWS_IAM and awsIamConfig { signingRegion, signingServiceName }');
  }
}
