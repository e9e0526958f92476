// Event.forecast: the weather for the event's city on its day. HTTP GET /forecast on the weather service.
import { util, type Context } from '@aws-appsync/utils';

interface EventSource {
  city: string;
  startsAt: string;
}

export function request(ctx: Context<object, object, object, EventSource>) {
  const { city, startsAt } = ctx.source as EventSource;
  return {
    method: 'GET',
    resourcePath: '/forecast',
    params: { query: { city, date: startsAt.substring(0, 10) }, headers: { accept: 'application/json' } },
  };
}

export function response(ctx: Context<object, object, object, EventSource>) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  const { statusCode, body } = ctx.result;
  if (statusCode === 404) return null;
  if (statusCode !== 200) util.error('The weather service could not give a forecast', 'WeatherUnavailable', null, { statusCode });
  const forecast = JSON.parse(body);
  return { summary: forecast.summary, temperatureC: forecast.temperatureC };
}
