/** What the configuration readers take and give. */
import type { ResolverDefinition } from '../core/resolver';
import type { StackValues } from './intrinsics';

/** The routing table and the data sources' tables, ready for `createAppSyncEngine({ resolvers, tables })`. */
export interface Wiring {
  /** Schema coordinate (`Type.field`) → resolver. */
  resolvers: Record<string, ResolverDefinition>;
  /** DynamoDB data source name → real table name, for the runtime's `tables` (merge with TABLE_NAME/DATA_SOURCE_TABLES). */
  tables: Record<string, string>;
}

export interface WiringOptions {
  /**
   * The module of a code path as written in the configuration (`resolvers/Query.job.js`). The
   * resolvers are bundled with the Lambda, so the caller maps each path to a statically imported
   * module; an unknown path should throw or return undefined (reported with its place).
   */
  loadModule(codePath: string): unknown;
  /**
   * What the deployed stack knows (region, account, stack name, the values of `Ref`, `Fn::GetAtt`
   * and `Fn::ImportValue`), for the CloudFormation intrinsics written in the configuration. An
   * intrinsic these cannot resolve fails with its place.
   */
  stack?: StackValues;
  /** Data source name → real table name, for tables written as `{ Ref: … }` or `${…}` in the configuration; wins over a literal. */
  tables?: Readonly<Record<string, string>>;
  /** Data source name → real function name or ARN, for Lambda data sources not written as a literal; wins over a literal. */
  functions?: Readonly<Record<string, string>>;
  /** Data source name → endpoint URL, for HTTP data sources whose endpoint is not written as a literal (`Fn::Join` of an API's URL); wins over a literal. */
  endpoints?: Readonly<Record<string, string>>;
}
