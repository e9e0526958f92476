/** Runs a request object against the data source a resolver or function is attached to. */
import { GetItemLoaders, runDynamoDBRequest, type DataSourceOutcome } from './dynamodb/index';
import { MappingTemplateError } from './errors';
import type { RequestContext } from './request-context';
import type { DataSourceRef } from './resolver';

export async function invokeDataSource(
  dataSource: DataSourceRef,
  request: unknown,
  context: RequestContext,
  resolverId: string,
): Promise<DataSourceOutcome> {
  if (dataSource.kind === 'NONE') {
    // The NONE data source hands the request's payload straight to the response handler (EXE-04).
    return { result: (request as { payload?: unknown } | null)?.payload ?? null };
  }
  const { tables, client, tokenSecret } = context.runtime;
  const tableName = tables[dataSource.table];
  if (!tableName) throw new MappingTemplateError(`No table is configured for the data source "${dataSource.table}"`);
  context.getItemLoaders ??= new GetItemLoaders(client);
  return runDynamoDBRequest(request, { client, tableName, tables, resolverId, secret: tokenSecret, getItems: context.getItemLoaders });
}
