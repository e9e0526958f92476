// recordTicket: counts the seat and stores the ticket, both or neither. TransactWriteItems on the
// events table (sold + 1 while seats are left) and the tickets table (a new ticket).
import { util, type Context } from '@aws-appsync/utils';

export function request(ctx: Context) {
  const { ticket } = ctx.stash;
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      {
        table: ctx.env.EVENTS_TABLE,
        operation: 'UpdateItem',
        key: util.dynamodb.toMapValues({ id: ticket.eventId }),
        update: { expression: 'SET #sold = #sold + :one', expressionNames: { '#sold': 'sold' }, expressionValues: util.dynamodb.toMapValues({ ':one': 1 }) },
        condition: { expression: '#sold < #capacity', expressionNames: { '#sold': 'sold', '#capacity': 'capacity' } },
      },
      {
        table: ctx.env.TICKETS_TABLE,
        operation: 'PutItem',
        key: util.dynamodb.toMapValues({ id: ticket.id }),
        attributeValues: util.dynamodb.toMapValues({ eventId: ticket.eventId, email: ticket.email, code: ticket.code, purchasedAt: ticket.purchasedAt }),
        condition: { expression: 'attribute_not_exists(id)' },
      },
    ],
  };
}

export function response(ctx: Context) {
  if (ctx.error) {
    // The seat count's condition failed: another purchase took the last seat since loadEvent read it.
    // (DynamoDB's code; AppSync's documentation spells it ConditionCheckFailed.)
    const seat = (ctx.result?.cancellationReasons ?? [])[0]?.type;
    if (seat === 'ConditionalCheckFailed' || seat === 'ConditionCheckFailed') util.error(`${ctx.stash.event.title} is sold out`, 'SoldOut', null, { eventId: ctx.stash.event.id });
    util.error(ctx.error.message, ctx.error.type);
  }
  return ctx.stash.ticket;
}
