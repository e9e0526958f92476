// putJob: writes a new job for the company loaded by the previous step. PutItem PK=JOB#id if absent.
import { util } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';
import type { ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Mutation.createJob'>) {
  const { input } = ctx.args;
  const title = input.title.trim();
  if (title === '') util.error('title must not be empty', 'ValidationError', null, { field: 'title' });
  const now = util.time.nowISO8601();
  return Jobs.create({
    id: util.autoId(),
    companyId: input.companyId,
    title,
    description: input.description ?? null,
    location: input.location ?? null,
    status: input.status ?? 'DRAFT',
    createdAt: now,
    updatedAt: now,
  });
}

export function response(ctx: ResolverContext<'Mutation.createJob', JobRecord>): JobRecord {
  if (ctx.error) raise(ctx.error);
  return ctx.result;
}
