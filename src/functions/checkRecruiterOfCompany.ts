// checkRecruiterOfCompany: whether the caller may see the private side of the company
// ctx.stash.companyId, into ctx.stash.member, for reads that show others the public side instead (a
// job board view): the rule of assertRecruiterOfCompany, without failing. Passes the previous result
// on. GetItem PK=COMPANY#id, SK=RECRUITER#EMAIL#<email>, only when the user is no member.
import { runtime, type Context } from '@aws-appsync/utils';
import { raise } from '../data/errors';
import { membershipVerdict, Recruiters, type CompanyRecruiterRecord, type TenancyStash } from '../data/recruiters';

export function request(ctx: Context<unknown, TenancyStash, { result: unknown }>) {
  const verdict = membershipVerdict(ctx.identity, ctx.stash);
  if (typeof verdict === 'boolean') {
    ctx.stash.member = verdict;
    runtime.earlyReturn(ctx.prev.result);
  }
  return Recruiters.get(ctx.stash.companyId!, verdict as string);
}

export function response(ctx: Context<unknown, TenancyStash, { result: unknown }, undefined, CompanyRecruiterRecord | null>): unknown {
  if (ctx.error) raise(ctx.error);
  ctx.stash.member = !!ctx.result;
  return ctx.prev.result;
}
