/** AppSync's authorization modes, and how `util.authType()` names each (contract AUTH-01, UTIL-06). */
import type { AuthTypeName } from './current-execution';

export const AUTH_MODES = ['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA'] as const;

/** One of AppSync's five authorization types, spelt as in its API and CloudFormation. */
export type AuthMode = (typeof AUTH_MODES)[number];

/** The `util.authType()` string of each mode. */
export const AUTH_TYPE_NAMES: Readonly<Record<AuthMode, AuthTypeName>> = {
  API_KEY: 'API Key Authorization',
  AWS_IAM: 'IAM Authorization',
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
  OPENID_CONNECT: 'Open ID Connect Authorization',
  AWS_LAMBDA: 'Lambda Authorization',
};

/** The schema directive that grants each mode (AUTH-02). */
export const MODE_DIRECTIVES: Readonly<Record<string, AuthMode>> = {
  aws_api_key: 'API_KEY',
  aws_iam: 'AWS_IAM',
  aws_cognito_user_pools: 'AMAZON_COGNITO_USER_POOLS',
  aws_oidc: 'OPENID_CONNECT',
  aws_lambda: 'AWS_LAMBDA',
};

export function isAuthMode(value: string): value is AuthMode {
  return (AUTH_MODES as readonly string[]).includes(value);
}
