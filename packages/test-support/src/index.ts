/**
 * What the tests of the engine, of the applications on it and of the examples share: API Gateway
 * events, signed JWTs, a stand-in for the Lambda service, and assertions on what a call threw.
 */
export { anAuthConfig, testUserPool } from './auth-config';
export { graphqlEvent, httpApiEvent, type EventOptions } from './events';
export {
  TEST_CLIENT_ID,
  TEST_COGNITO_ISSUER,
  TEST_OIDC_CLIENT_ID,
  TEST_OIDC_ISSUER,
  TEST_REGION,
  TEST_USER_POOL_ID,
  cognitoIdToken,
  createSigningKey,
  oidcToken,
  signJwt,
  type SigningKey,
} from './jwt';
export { startLambdaService, type InvokeRecord, type LambdaService, type ServiceFault, type TestFunction } from './lambda-service';
export { rejection, thrownBy } from './thrown';
