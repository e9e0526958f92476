// Application.candidate: the applicant, or null. GetItem PK=CANDIDATE#source.candidateId (coalesced per request).
import { Candidates, type CandidateRecord } from '../data/candidates';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Application.candidate'>) {
  return Candidates.get(ctx.source!.candidateId);
}

export function response(ctx: ResolverContext<'Application.candidate', CandidateRecord | null>): FieldResult<'Application.candidate'> {
  if (ctx.error) raise(ctx.error);
  return ctx.result;
}
