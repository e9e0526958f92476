// Query.candidate: a candidate by id, or null; a recruiter reads only the candidates their companies
// know. Pipeline: loadMyCompanies → loadMyCompaniesByEmail → loadVisibleCandidate (Query PK=CANDIDATE#id).
import type { CandidateRecord } from '../../data/candidates';
import { assertId } from '../../data/limits';
import type { TenancyStash } from '../../data/recruiters';
import type { FieldResult, ResolverContext } from '../../generated/resolver-types';

type Stash = TenancyStash & { candidateId?: string };

export function request(ctx: ResolverContext<'Query.candidate', unknown, Stash>) {
  assertId('id', ctx.args.id);
  ctx.stash.candidateId = ctx.args.id;
  return {};
}

export function response(ctx: ResolverContext<'Query.candidate', unknown, Stash, { result: CandidateRecord | null }>): FieldResult<'Query.candidate'> {
  return ctx.prev.result;
}
