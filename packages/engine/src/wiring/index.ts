/**
 * Wiring an API from configuration: the routing table and data sources of an AppSync project,
 * read from a serverless-appsync-plugin `appSync:` section or a build:appsync manifest.
 */
export { fromServerlessAppSync } from './serverless-appsync';
export { fromAppSyncManifest } from './manifest';
export { WiringError, UnsupportedError } from './errors';
export type { Wiring, WiringOptions } from './types';
