// Query.jobsByCompany: a page of a company's jobs, newest first. Query GSI1 on COMPANY#companyId; for the API key, GSI4 on OPEN#COMPANY#companyId.
import { util } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';
import { assertId } from '../data/limits';
import { assertPageSize } from '../data/pages';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Query.jobsByCompany'>) {
  assertId('companyId', ctx.args.companyId);
  assertPageSize(ctx.args.limit);
  return Jobs.byCompany(ctx.args.companyId, ctx.args.limit, ctx.args.nextToken, util.authType() === 'API Key Authorization');
}

export function response(ctx: ResolverContext<'Query.jobsByCompany', { items: JobRecord[]; nextToken: string | null }>): FieldResult<'Query.jobsByCompany'> {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
