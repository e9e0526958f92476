// Query.job: a job by id, or null; the API key sees only OPEN jobs. GetItem PK=JOB#id.
import { util } from '@aws-appsync/utils';
import { Jobs, type JobRecord } from '../data/jobs';
import { assertId } from '../data/limits';
import type { FieldResult, ResolverContext } from '../generated/resolver-types';
import { raise } from '../data/errors';

export function request(ctx: ResolverContext<'Query.job'>) {
  assertId('id', ctx.args.id);
  return Jobs.get(ctx.args.id);
}

export function response(ctx: ResolverContext<'Query.job', JobRecord | null>): FieldResult<'Query.job'> {
  if (ctx.error) raise(ctx.error);
  // The public job board never learns of a draft or a closed job.
  if (ctx.result && ctx.result.status !== 'OPEN' && util.authType() === 'API Key Authorization') return null;
  return ctx.result;
}
