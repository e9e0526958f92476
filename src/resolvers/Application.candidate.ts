// Application.candidate: the applicant, or null. GetItem PK=CANDIDATE#source.candidateId (coalesced per request).
import { util } from '@aws-appsync/utils';
import { Candidates, type CandidateRecord } from '../data/candidates';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';

export function request(ctx: ResolverContext<'Application.candidate'>) {
  return Candidates.get(ctx.source!.candidateId);
}

export function response(ctx: ResolverContext<'Application.candidate', CandidateRecord | null>): FieldResult<'Application.candidate'> {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
