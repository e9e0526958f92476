// Candidate.applications: a page of the parent candidate's applications, newest first; a candidate
// reads only their own. Query GSI2 on CANDIDATE#source.id.
import { Applications, type ApplicationRecord } from '../data/applications';
import { assertMayReadCandidate } from '../data/callers';
import { assertPageSize } from '../data/pages';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Candidate.applications'>) {
  assertMayReadCandidate(ctx.identity, ctx.source!);
  assertPageSize(ctx.args.limit);
  return Applications.byCandidate(ctx.source!.id, ctx.args.limit, ctx.args.nextToken);
}

export function response(
  ctx: ResolverContext<'Candidate.applications', { items: ApplicationRecord[]; nextToken: string | null }>,
): FieldResult<'Candidate.applications'> {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
