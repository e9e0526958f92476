// requireCompanyRecruiter: the membership ctx.stash.recruiter names (consistent read); NotFound when
// that user or email is no recruiter of the company. GetItem PK=COMPANY#id, SK=RECRUITER#<principal>.
import { util, type Context } from '@aws-appsync/utils';
import { raise } from '../data/errors';
import { Recruiters, type CompanyRecruiterRecord, type RecruiterInput } from '../data/recruiters';

type Stash = { recruiter: RecruiterInput };

export function request(ctx: Context<unknown, Stash>) {
  const { companyId, principal } = ctx.stash.recruiter;
  return { ...Recruiters.get(companyId, principal), consistentRead: true };
}

export function response(ctx: Context<unknown, Stash, undefined, undefined, CompanyRecruiterRecord | null>): CompanyRecruiterRecord {
  if (ctx.error) raise(ctx.error);
  const { companyId, userId, email } = ctx.stash.recruiter;
  if (!ctx.result) util.error('This user or email is no recruiter of the company', 'NotFound', null, { companyId, userId, email });
  return ctx.result;
}
