// The resolver and function code by the path serverless.yml gives it, bundled with the Lambda.
import * as issueCode from '../functions/issueCode';
import * as loadEvent from '../functions/loadEvent';
import * as prepareTicket from '../functions/prepareTicket';
import * as recordTicket from '../functions/recordTicket';
import * as eventForecast from '../resolvers/Event.forecast';
import * as mutationBuyTicket from '../resolvers/Mutation.buyTicket';
import * as mutationCreateEvent from '../resolvers/Mutation.createEvent';
import * as queryEvent from '../resolvers/Query.event';
import * as queryEvents from '../resolvers/Query.events';
import * as queryTicket from '../resolvers/Query.ticket';

export const modules: Readonly<Record<string, unknown>> = {
  'resolvers/Query.event.ts': queryEvent,
  'resolvers/Query.events.ts': queryEvents,
  'resolvers/Query.ticket.ts': queryTicket,
  'resolvers/Event.forecast.ts': eventForecast,
  'resolvers/Mutation.createEvent.ts': mutationCreateEvent,
  'resolvers/Mutation.buyTicket.ts': mutationBuyTicket,
  'functions/prepareTicket.ts': prepareTicket,
  'functions/loadEvent.ts': loadEvent,
  'functions/issueCode.ts': issueCode,
  'functions/recordTicket.ts': recordTicket,
};
