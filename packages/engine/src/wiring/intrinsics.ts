/**
 * CloudFormation intrinsic functions, resolved from the values the adopter gives, or refused.
 * A configuration read by any reader may hold `{ Ref: … }`, `{ "Fn::Sub": … }` and the like; they
 * are replaced by what CloudFormation would give at deploy time, and one that cannot be resolved
 * fails with its place, so an intrinsic never reaches a data source as an object.
 */
import { WiringError, placeOf } from './errors';
import { isObject, stringAt } from './values';

/** What a deployed stack knows, for resolving the intrinsics of a configuration. */
export interface StackValues {
  /** `AWS::Region`. */
  region?: string;
  /** `AWS::AccountId`. */
  accountId?: string;
  /** `AWS::StackName`. */
  stackName?: string;
  /** `AWS::Partition`; `aws` unless given. */
  partition?: string;
  /** `AWS::URLSuffix`; `amazonaws.com` unless given. */
  urlSuffix?: string;
  /** Logical id or parameter name → the value `Ref` gives (a table's name, a function's name, a parameter). */
  refs?: Readonly<Record<string, string>>;
  /** `LogicalId.Attribute` → the value `Fn::GetAtt` gives (`RecommendFunction.Arn`). */
  attributes?: Readonly<Record<string, string>>;
  /** Export name → the value `Fn::ImportValue` gives. */
  imports?: Readonly<Record<string, string>>;
  /** Condition name → its value, for `Fn::If`. */
  conditions?: Readonly<Record<string, boolean>>;
}

/** What an intrinsic resolves to when a key holding it is to be left out (`Ref: AWS::NoValue`). */
const NO_VALUE = Symbol('AWS::NoValue');

const FUNCTIONS = ['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::ImportValue', 'Fn::Select', 'Fn::Split', 'Fn::If', 'Fn::Base64'];

/** The one key of an object that is an intrinsic function call (`Ref`, `Fn::…`, `Condition` excluded). */
function intrinsicKey(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const [key] = keys as [string];
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

/** True when a value is or holds an intrinsic function call. */
export function holdsIntrinsic(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsIntrinsic);
  if (!isObject(value)) return false;
  return intrinsicKey(value) !== undefined || Object.values(value).some(holdsIntrinsic);
}

/** An intrinsic the stack values do not resolve; `option` is where its value would be given (`stack.region`). */
class UnresolvedError extends WiringError {
  constructor(
    place: string,
    what: string,
    readonly option: string,
  ) {
    super(place, `${what} is resolved only at deploy time; pass its value as ${option}`);
  }
}

function unresolved(place: string, what: string, option: string): WiringError {
  return new UnresolvedError(place, what, `stack.${option}`);
}

function pseudoParameter(name: string, stack: StackValues, place: string): string | typeof NO_VALUE | undefined {
  switch (name) {
    case 'AWS::Region':
      return stack.region ?? failWith(unresolved(place, name, 'region'));
    case 'AWS::AccountId':
      return stack.accountId ?? failWith(unresolved(place, name, 'accountId'));
    case 'AWS::StackName':
      return stack.stackName ?? failWith(unresolved(place, name, 'stackName'));
    case 'AWS::Partition':
      return stack.partition ?? 'aws';
    case 'AWS::URLSuffix':
      return stack.urlSuffix ?? 'amazonaws.com';
    case 'AWS::NoValue':
      return NO_VALUE;
    default:
      return name.startsWith('AWS::') ? failWith(new WiringError(place, `the pseudo parameter ${name} is not supported`)) : undefined;
  }
}

function failWith(error: Error): never {
  throw error;
}

function ref(name: unknown, stack: StackValues, place: string): string | typeof NO_VALUE {
  if (typeof name !== 'string') throw new WiringError(place, 'Ref needs a logical id or parameter name');
  const pseudo = pseudoParameter(name, stack, place);
  if (pseudo !== undefined) return pseudo;
  return stack.refs?.[name] ?? failWith(unresolved(place, `{ Ref: ${name} }`, `refs.${name}`));
}

function attribute(target: string, stack: StackValues, place: string): string {
  return stack.attributes?.[target] ?? failWith(unresolved(place, `Fn::GetAtt ${target}`, `attributes["${target}"]`));
}

function getAtt(args: unknown, stack: StackValues, place: string): string {
  if (typeof args === 'string' && args.includes('.')) return attribute(args, stack, place);
  if (Array.isArray(args) && args.length === 2) {
    const [id, name] = args.map((each, index) => resolveAt(each, placeOf(place, index), stack));
    if (typeof id === 'string' && typeof name === 'string') return attribute(`${id}.${name}`, stack, place);
  }
  throw new WiringError(place, 'Fn::GetAtt needs [logicalId, attribute] or "logicalId.attribute"');
}

/** `${Name}`, `${Id.Attribute}` and `${!Literal}` in a Fn::Sub template. */
function substitute(template: unknown, variables: Record<string, unknown>, stack: StackValues, place: string): string {
  if (typeof template !== 'string') throw new WiringError(place, 'Fn::Sub needs a string template');
  return template.replace(/\$\{([^}]*)\}/g, (_match, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const trimmed = name.trim();
    if (Object.hasOwn(variables, trimmed)) return String(variables[trimmed]);
    if (trimmed.includes('.') && !trimmed.startsWith('AWS::')) return attribute(trimmed, stack, place);
    const value = ref(trimmed, stack, place);
    if (value === NO_VALUE) throw new WiringError(place, 'Fn::Sub cannot hold AWS::NoValue');
    return value;
  });
}

function sub(args: unknown, stack: StackValues, place: string): string {
  if (typeof args === 'string') return substitute(args, {}, stack, place);
  if (Array.isArray(args) && args.length === 2 && isObject(args[1])) {
    const variables = resolveAt(args[1], placeOf(place, 1), stack) as Record<string, unknown>;
    return substitute(args[0], variables, stack, placeOf(place, 0));
  }
  throw new WiringError(place, 'Fn::Sub needs a template, or [template, { variables }]');
}

function listAt(value: unknown, place: string, stack: StackValues): unknown[] {
  const resolved = resolveAt(value, place, stack);
  if (!Array.isArray(resolved)) throw new WiringError(place, 'expected a list');
  return resolved;
}

function call(key: string, args: unknown, stack: StackValues, place: string): unknown {
  switch (key) {
    case 'Ref':
      return ref(args, stack, place);
    case 'Fn::GetAtt':
      return getAtt(args, stack, place);
    case 'Fn::Sub':
      return sub(args, stack, place);
    case 'Fn::Join': {
      if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== 'string') throw new WiringError(place, 'Fn::Join needs [delimiter, [values]]');
      return listAt(args[1], placeOf(place, 1), stack).join(args[0]);
    }
    case 'Fn::Select': {
      if (!Array.isArray(args) || args.length !== 2) throw new WiringError(place, 'Fn::Select needs [index, [values]]');
      const index = Number(resolveAt(args[0], placeOf(place, 0), stack));
      const list = listAt(args[1], placeOf(place, 1), stack);
      if (!Number.isInteger(index) || index < 0 || index >= list.length) throw new WiringError(place, `Fn::Select index ${String(args[0])} is outside the list`);
      return list[index];
    }
    case 'Fn::Split': {
      if (!Array.isArray(args) || args.length !== 2 || typeof args[0] !== 'string') throw new WiringError(place, 'Fn::Split needs [delimiter, source]');
      return String(resolveAt(args[1], placeOf(place, 1), stack)).split(args[0]);
    }
    case 'Fn::ImportValue': {
      const name = resolveAt(args, place, stack);
      if (typeof name !== 'string') throw new WiringError(place, 'Fn::ImportValue needs an export name');
      return stack.imports?.[name] ?? failWith(unresolved(place, `Fn::ImportValue ${name}`, `imports["${name}"]`));
    }
    case 'Fn::If': {
      if (!Array.isArray(args) || args.length !== 3 || typeof args[0] !== 'string') throw new WiringError(place, 'Fn::If needs [condition, valueIfTrue, valueIfFalse]');
      const condition = stack.conditions?.[args[0]] ?? failWith(unresolved(place, `the condition ${args[0]}`, `conditions.${args[0]}`));
      return condition ? resolveAt(args[1], placeOf(place, 1), stack) : resolveAt(args[2], placeOf(place, 2), stack);
    }
    case 'Fn::Base64':
      return Buffer.from(String(resolveAt(args, place, stack))).toString('base64');
    default:
      throw new WiringError(place, `the intrinsic function ${key} is not supported; supported are ${FUNCTIONS.join(', ')}`);
  }
}

function resolveAt(value: unknown, place: string, stack: StackValues): unknown {
  if (Array.isArray(value)) {
    return value.map((each, index) => resolveAt(each, placeOf(place, index), stack)).filter((each) => each !== NO_VALUE);
  }
  if (!isObject(value)) return value;
  const key = intrinsicKey(value);
  if (key !== undefined) return call(key, value[key], stack, placeOf(place, key));
  const resolved: Record<string, unknown> = {};
  for (const [name, each] of Object.entries(value)) {
    const result = resolveAt(each, placeOf(place, name), stack);
    if (result !== NO_VALUE) resolved[name] = result;
  }
  return resolved;
}

/**
 * The value with every intrinsic function call in it replaced by its deploy-time value. Throws a
 * WiringError naming the place (`appSync.dataSources.quotes.config.authorizationConfig…["Fn::Sub"]`)
 * and the value to pass for an intrinsic that the given stack values cannot resolve.
 */
export function resolveIntrinsics(value: unknown, place: string, stack: StackValues = {}): unknown {
  const resolved = resolveAt(value, place, stack);
  return resolved === NO_VALUE ? undefined : resolved;
}

/**
 * A name that may be written as a literal, an intrinsic or a `${…}` variable: a name given under
 * `key` in `known` (the caller's real names) wins; otherwise intrinsics are resolved from the stack
 * values, and a serverless variable left unresolved is refused.
 */
export function deployedName(value: unknown, place: string, key: string, known: Readonly<Record<string, string>> | undefined, option: string, stack: StackValues | undefined): string {
  const given = known?.[key];
  if (given !== undefined) return stringAt(given, `${option}.${key}`);
  let resolved: unknown;
  try {
    resolved = resolveIntrinsics(value, place, stack);
  } catch (error) {
    if (!(error instanceof UnresolvedError)) throw error;
    throw new WiringError(place, `${JSON.stringify(value)} is resolved only at deploy time; pass its real value as ${option}.${key} or ${error.option}`, { cause: error });
  }
  if (typeof resolved === 'string' && resolved.includes('${')) {
    throw new WiringError(place, `${JSON.stringify(resolved)} is resolved only at deploy time; pass its real value as ${option}.${key}`);
  }
  return stringAt(resolved, place);
}
