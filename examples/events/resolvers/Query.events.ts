// Query.events: a page of events (20 by default, 100 at most). Scan on the events table.
import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

export function request(ctx: Context<{ limit?: number | null; nextToken?: string | null }>) {
  const limit = ctx.args.limit ?? DEFAULT_LIMIT;
  if (limit < 1 || limit > MAX_LIMIT) {
    util.error(`limit must be between 1 and ${MAX_LIMIT}`, 'ValidationError', null, { argument: 'limit', minimum: 1, maximum: MAX_LIMIT });
  }
  return ddb.scan({ limit, nextToken: ctx.args.nextToken ?? undefined });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return { items: ctx.result.items, nextToken: ctx.result.nextToken ?? null };
}
