// Query.company: a company by id, or null. GetItem PK=COMPANY#id.
import { Companies, type CompanyRecord } from '../data/companies';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Query.company'>) {
  return Companies.get(ctx.args.id);
}

export function response(ctx: ResolverContext<'Query.company', CompanyRecord | null>): FieldResult<'Query.company'> {
  if (ctx.error) raise(ctx.error);
  return ctx.result;
}
