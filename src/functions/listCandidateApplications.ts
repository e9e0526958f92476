// listCandidateApplications: a page of the candidate ctx.stash.candidateId's applications, newest
// first; for a recruiter, only those to the jobs of their companies (ctx.stash.myCompanyIds, from
// loadMyCompanies; the first MAX_RECRUITER_COMPANIES, what a DynamoDB IN takes): none when they work
// for none. Query GSI2 on CANDIDATE#id, filtered on companyId.
import { runtime, type Context } from '@aws-appsync/utils';
import { Applications, type ApplicationRecord } from '../data/applications';
import { raise } from '../data/errors';
import { MAX_RECRUITER_COMPANIES, type TenancyStash } from '../data/recruiters';

type Args = { limit?: number | null; nextToken?: string | null };
type Stash = TenancyStash & { candidateId: string };

export function request(ctx: Context<Args, Stash>) {
  const { myCompanyIds } = ctx.stash;
  if (myCompanyIds && myCompanyIds.length === 0) runtime.earlyReturn({ items: [], nextToken: null });
  return Applications.byCandidate(ctx.stash.candidateId, ctx.args.limit, ctx.args.nextToken, myCompanyIds && myCompanyIds.slice(0, MAX_RECRUITER_COMPANIES));
}

export function response(ctx: Context<Args, Stash, undefined, undefined, { items: ApplicationRecord[]; nextToken: string | null }>) {
  if (ctx.error) raise(ctx.error);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken };
}
