/**
 * Field-level authorization at execution (contract AUTH-03..AUTH-07, EXE-10): every selected
 * field, nested ones included, is checked before its resolver runs; a denied field is null with
 * an `Unauthorized` error, the rest of the response goes on.
 *
 * Only fields some configured caller could be denied get a check: their resolver (or the default
 * property resolver) is wrapped once, at schema build. A field open to every configured mode costs
 * nothing per request; a checked one costs a map lookup.
 */
import { defaultFieldResolver, GraphQLError, isObjectType, responsePathAsArray, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { unauthorizedMessage } from '../core/errors';
import type { RequestContext } from '../core/request-context';
import type { RequestAuthorization } from '../core/request';
import { configuredModes, type AuthConfig, type UserPoolDefaultAction } from './config';
import { resolveFieldRules, type FieldRule } from './directives';
import { ERROR_TYPES } from '../core/error-types';

/** Whether a request authorized as `auth` may read a field with `rule` (AUTH-05, AUTH-06, AUTH-07). */
export function isAllowed(rule: FieldRule, auth: RequestAuthorization, coordinate: string, defaultAction: UserPoolDefaultAction = 'ALLOW'): boolean {
  if (auth.deniedFields?.has(coordinate)) return false;
  if (!rule.has(auth.mode)) return false;
  if (auth.mode !== 'AMAZON_COGNITO_USER_POOLS') return true;
  const groups = rule.get(auth.mode);
  // Without groups on the rule, the user pool's default action decides.
  if (!groups) return defaultAction === 'ALLOW';
  return auth.groups?.some((group) => groups.includes(group)) ?? false;
}

/** Whether some request under `config` could be denied a field with `rule`. */
export function canDeny(rule: FieldRule, config: AuthConfig): boolean {
  const modes = configuredModes(config);
  // A Lambda authorizer may deny any field (deniedFields).
  if (modes.includes('AWS_LAMBDA')) return true;
  if (modes.some((mode) => !rule.has(mode))) return true;
  return rule.has('AMAZON_COGNITO_USER_POOLS') && (rule.get('AMAZON_COGNITO_USER_POOLS') !== null || config.cognito?.defaultAction === 'DENY');
}

/** The error of a denied field, shaped like `util.unauthorized()`'s (EXE-10). */
export function unauthorizedFieldError(info: GraphQLResolveInfo): GraphQLError {
  return new GraphQLError(unauthorizedMessage(info), {
    nodes: info.fieldNodes,
    path: responsePathAsArray(info.path),
    extensions: { errorType: ERROR_TYPES.Unauthorized, errorInfo: null, data: null },
  });
}

/** Wraps the resolvers of every field the configuration can deny with its check. Call once per schema. */
export function applyFieldAuthorization(schema: GraphQLSchema, config: AuthConfig): void {
  const rules = resolveFieldRules(schema, config);
  const defaultAction = config.cognito?.defaultAction ?? 'ALLOW';
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const rule = rules.get(coordinate);
      if (!rule || !canDeny(rule, config)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: RequestContext, info) => {
        const auth = context.authorization;
        if (!auth || !isAllowed(rule, auth, coordinate, defaultAction)) throw unauthorizedFieldError(info);
        return resolve(source, args, context, info);
      };
    }
  }
}
