// loadEvent: the event a ticket is bought for, which must exist and have seats left. GetItem on the events table.
import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';

export function request(ctx: Context<{ eventId: string }>) {
  return ddb.get({ key: { id: ctx.args.eventId } });
}

export function response(ctx: Context<{ eventId: string }>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const event = ctx.result;
  if (!event) util.error(`No event has the id ${ctx.args.eventId}`, 'NotFound', null, { eventId: ctx.args.eventId });
  if (event.sold >= event.capacity) util.error(`${event.title} is sold out`, 'SoldOut', null, { eventId: event.id, capacity: event.capacity });
  ctx.stash.event = event;
  return event;
}
