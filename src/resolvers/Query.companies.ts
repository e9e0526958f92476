// Query.companies: a page of companies by name. Query GSI1 on COMPANIES.
import { Companies, type CompanyRecord } from '../data/companies';
import { assertPageSize } from '../data/pages';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Query.companies'>) {
  assertPageSize(ctx.args.limit);
  return Companies.list(ctx.args.limit, ctx.args.nextToken);
}

export function response(ctx: ResolverContext<'Query.companies', { items: CompanyRecord[]; nextToken: string | null }>): FieldResult<'Query.companies'> {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
