/** @hiring/sdk: typed operations of the hiring API and a small client to run them. */
export { createClient, type Client, type ClientOptions, type RequestOptions, type VariablesArgs } from './client.js';
export {
  createSubscriptionClient,
  DEFAULT_KEEP_ALIVE_MS,
  type LiveSubscription,
  type SubscribeArgs,
  type SubscriptionClient,
  type SubscriptionClientOptions,
} from './subscribe.js';
export { GraphQLRequestError, isGraphQLRequestError, type GraphQLErrorEntry } from './errors.js';
export * from './generated/graphql.js';
