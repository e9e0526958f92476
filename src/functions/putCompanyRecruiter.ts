// putCompanyRecruiter: makes ctx.stash.recruiter a recruiter of its company (loaded before), signed
// with the admin and the time; adding one again changes nothing and answers the membership as it is.
// TransactWriteItems: COMPANY#id / RECRUITER#<principal> if absent + RECRUITER#<principal> / COMPANY#id.
import { util, type Context } from '@aws-appsync/utils';
import { signedInUser } from '../data/callers';
import { raise } from '../data/errors';
import { RECRUITER_ITEMS, Recruiters, type CompanyRecruiterRecord, type RecruiterInput } from '../data/recruiters';
import { failedCondition, type TransactWriteResult } from '../data/transactions';

type Stash = { recruiter: RecruiterInput; membership?: CompanyRecruiterRecord };

export function request(ctx: Context<unknown, Stash>) {
  const membership = Recruiters.record(ctx.stash.recruiter, util.time.nowISO8601(), signedInUser(ctx.identity).sub);
  ctx.stash.membership = membership;
  return Recruiters.add(membership);
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, TransactWriteResult>): CompanyRecruiterRecord {
  if (ctx.error) {
    const existing = failedCondition(ctx.result, RECRUITER_ITEMS.membership);
    if (existing && existing.item) return existing.item as unknown as CompanyRecruiterRecord;
    raise(ctx.error, ctx.result);
  }
  return ctx.stash.membership!;
}
