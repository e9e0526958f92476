// loadVisibleCandidate: the candidate ctx.stash.candidateId, or null (nothing read without an id);
// NotFound instead of null when ctx.stash.candidateRequired. Unauthorized for a recruiter none of
// whose companies (ctx.stash.myCompanyIds, from loadMyCompanies) knows the candidate: registered it,
// or had its application. Query PK=CANDIDATE#id, consistent: the candidate and the companies that know it.
import { runtime, util, type Context } from '@aws-appsync/utils';
import { Candidates, candidateWithCompanies, type CandidateCompanyRecord, type CandidateRecord } from '../data/candidates';
import { raise } from '../data/errors';
import type { TenancyStash } from '../data/recruiters';

type Stash = TenancyStash & { candidateId?: string | null; candidateRequired?: boolean };

export function request(ctx: Context<unknown, Stash>) {
  if (!ctx.stash.candidateId) runtime.earlyReturn(null);
  return { ...Candidates.withCompanies(ctx.stash.candidateId!), consistentRead: true };
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, { items: Array<CandidateRecord | CandidateCompanyRecord> }>): CandidateRecord | null {
  if (ctx.error) raise(ctx.error);
  const { candidateId, candidateRequired, myCompanyIds } = ctx.stash;
  const { candidate, companyIds } = candidateWithCompanies(ctx.result.items);
  if (!candidate) {
    if (candidateRequired) util.error(`Candidate ${candidateId} does not exist`, 'NotFound', null, { candidateId });
    return null;
  }
  if (myCompanyIds && !companyIds.some((id) => myCompanyIds.includes(id))) util.unauthorized();
  return candidate;
}
