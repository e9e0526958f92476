/**
 * Wiring an API from configuration: the routing table and data sources of an AppSync project,
 * read from a serverless-appsync-plugin `appSync:` section, a CloudFormation template's AppSync
 * resources or a build:appsync manifest, with the CloudFormation intrinsics in them resolved from
 * the stack's values.
 */
export { fromServerlessAppSync } from './serverless-appsync';
export { fromAppSyncManifest } from './manifest';
export { fromCloudFormation } from './cloudformation';
export { schemaFromCloudFormation, type CloudFormationSchemaOptions } from './cloudformation-schema';
export { WiringError, UnsupportedError } from './errors';
export { resolveIntrinsics, type StackValues } from './intrinsics';
export { parseCloudFormationYaml } from './cloudformation-yaml';
export type { Wiring, WiringOptions } from './types';
