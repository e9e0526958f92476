// Company.recruiters: a page of the parent company's recruiters (admins only, by the schema). Query
// PK=COMPANY#source.id, begins_with(SK, RECRUITER#).
import { raise } from '../data/errors';
import { assertPageSize } from '../data/pages';
import { Recruiters, type CompanyRecruiterRecord } from '../data/recruiters';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Company.recruiters'>) {
  assertPageSize(ctx.args.limit);
  return Recruiters.ofCompany(ctx.source!.id, ctx.args.limit, ctx.args.nextToken);
}

export function response(
  ctx: ResolverContext<'Company.recruiters', { items: CompanyRecruiterRecord[]; nextToken: string | null }>,
): FieldResult<'Company.recruiters'> {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
