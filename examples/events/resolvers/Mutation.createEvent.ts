// Mutation.createEvent: publishes a new event with nothing sold. PutItem on the events table, never overwriting.
import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';

interface CreateEventInput {
  title: string;
  city: string;
  startsAt: string;
  capacity: number;
}

interface EventRecord extends CreateEventInput {
  id: string;
  sold: number;
  createdBy: string | null;
}

export function request(ctx: Context<{ input: CreateEventInput }>) {
  const { input } = ctx.args;
  const identity = ctx.identity as { sub?: string } | undefined;
  if (input.capacity < 1) util.error('capacity must be at least 1', 'ValidationError', null, { argument: 'input.capacity', minimum: 1 });
  return ddb.put<EventRecord>({
    key: { id: util.autoId() },
    item: { ...input, sold: 0, createdBy: identity?.sub ?? null },
    condition: { id: { attributeExists: false } },
  });
}

export function response(ctx: Context) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
