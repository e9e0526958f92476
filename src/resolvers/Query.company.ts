// Query.company: a company by id, or null. GetItem PK=COMPANY#id.
import { util } from '@aws-appsync/utils';
import { Companies, type CompanyRecord } from '../data/companies';
import { assertId } from '../data/limits';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Query.company'>) {
  assertId('id', ctx.args.id);
  return Companies.get(ctx.args.id);
}

export function response(ctx: ResolverContext<'Query.company', CompanyRecord | null>): FieldResult<'Query.company'> {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
