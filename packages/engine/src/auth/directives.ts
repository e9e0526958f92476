/**
 * Which modes may read each field, from the schema's auth directives (contract AUTH-02, AUTH-03,
 * AUTH-05). Computed once when the schema is built:
 *
 * - a field's own mode directives decide for it; otherwise its type's; otherwise the default mode
 *   alone (once any directive is present the default mode is not implied);
 * - `@aws_cognito_user_pools(cognito_groups: [...])` admits only users in one of the groups;
 * - `@aws_auth(cognito_groups: [...])` counts, as a user-pool rule, only when user pools is the
 *   default mode and there is no additional mode; otherwise AppSync ignores it, and so do we.
 */
import { isObjectType, valueFromASTUntyped, type ConstDirectiveNode, type GraphQLSchema } from 'graphql';
import type { AuthConfig } from './config';
import { MODE_DIRECTIVES, type AuthMode } from '../core/auth-modes';

/** The modes that may read one field; for user pools, the groups required (null: any user). */
export type FieldRule = ReadonlyMap<AuthMode, readonly string[] | null>;

function groupsArgument(directive: ConstDirectiveNode): string[] | null {
  const argument = directive.arguments?.find((entry) => entry.name.value === 'cognito_groups');
  if (!argument) return null;
  const value = valueFromASTUntyped(argument.value) as unknown;
  if (value === null || value === undefined) return null;
  return (Array.isArray(value) ? value : [value]).filter((group): group is string => typeof group === 'string');
}

/** The rule the directives on one type or field declare; null when they declare none. */
export function ruleFromDirectives(directives: readonly ConstDirectiveNode[], config: AuthConfig): FieldRule | null {
  const awsAuthCounts = config.defaultMode === 'AMAZON_COGNITO_USER_POOLS' && config.additionalModes.length === 0;
  const rule = new Map<AuthMode, string[] | null>();
  for (const directive of directives) {
    const name = directive.name.value;
    const mode = name === 'aws_auth' ? (awsAuthCounts ? 'AMAZON_COGNITO_USER_POOLS' : undefined) : MODE_DIRECTIVES[name];
    if (!mode) continue;
    const groups = mode === 'AMAZON_COGNITO_USER_POOLS' ? groupsArgument(directive) : null;
    const previous = rule.get(mode);
    // Two user-pool directives on one element: a user in either's groups passes.
    rule.set(mode, previous === undefined ? groups : previous === null || groups === null ? null : [...previous, ...groups]);
  }
  return rule.size > 0 ? rule : null;
}

/** The rule of every field of every object type, by `Type.field` coordinate. */
export function resolveFieldRules(schema: GraphQLSchema, config: AuthConfig): Map<string, FieldRule> {
  const defaultRule: FieldRule = new Map([[config.defaultMode, null]]);
  const rules = new Map<string, FieldRule>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeDirectives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
    const typeRule = ruleFromDirectives(typeDirectives, config);
    for (const field of Object.values(type.getFields())) {
      const fieldRule = ruleFromDirectives(field.astNode?.directives ?? [], config);
      rules.set(`${type.name}.${field.name}`, fieldRule ?? typeRule ?? defaultRule);
    }
  }
  return rules;
}
