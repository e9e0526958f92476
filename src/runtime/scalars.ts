/**
 * AppSync's scalars as real GraphQL scalars with the service's validation rules (contract SCAL-*):
 * an invalid value is rejected in variables and in literals with a message naming the scalar.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isIP } from 'node:net';

const OFFSET = '(?:Z|[+-]\\d{2}:\\d{2}(?::\\d{2})?)';
const DATE = '(\\d{4})-(\\d{2})-(\\d{2})';
const TIME = '([01]\\d|2[0-3]):([0-5]\\d)(?::([0-5]\\d)(?:\\.\\d{1,9})?)?';

function validDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const dateRe = new RegExp(`^${DATE}${OFFSET}?$`);
const timeRe = new RegExp(`^${TIME}${OFFSET}?$`);
const dateTimeRe = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);
const emailRe = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\]]+$/;
const phoneRe = /^\+?[\d\s-().]{7,20}$/;

type Check = (value: string) => boolean;

const checks: Record<string, Check> = {
  AWSDate: (v) => {
    const m = dateRe.exec(v);
    return !!m && validDate(m[1]!, m[2]!, m[3]!);
  },
  AWSTime: (v) => timeRe.test(v),
  AWSDateTime: (v) => {
    const m = dateTimeRe.exec(v);
    return !!m && validDate(m[1]!, m[2]!, m[3]!);
  },
  AWSEmail: (v) => emailRe.test(v),
  AWSURL: (v) => {
    try {
      const url = new URL(v);
      return /^[a-z][a-z0-9+.-]*:$/i.test(url.protocol) && !/^[a-z][a-z0-9+.-]*:\/\/[^/]*\/.*\/\//i.test(v);
    } catch {
      return false;
    }
  },
  AWSPhone: (v) => phoneRe.test(v) && (v.match(/\d/g)?.length ?? 0) >= 7,
  AWSIPAddress: (v) => {
    const [address, prefix, ...rest] = v.split('/');
    if (rest.length || !address) return false;
    const version = isIP(address);
    if (!version) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
  },
};

function stringScalar(name: string, check: Check): GraphQLScalarType {
  const validate = (value: unknown): string => {
    if (typeof value !== 'string' || !check(value)) {
      throw new GraphQLError(`Invalid ${name} value: ${JSON.stringify(value)}`, { extensions: { errorType: 'ValidationError' } });
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => (value instanceof Date ? value.toISOString() : validate(value)),
    parseValue: validate,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw new GraphQLError(`${name} must be a string literal`, { nodes: ast });
      return validate(ast.value);
    },
  });
}

const AWSTimestamp = new GraphQLScalarType({
  name: 'AWSTimestamp',
  serialize: (value) => {
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    throw new GraphQLError(`Invalid AWSTimestamp value: ${JSON.stringify(value)}`);
  },
  parseValue: (value) => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    throw new GraphQLError(`Invalid AWSTimestamp value: ${JSON.stringify(value)}`, { extensions: { errorType: 'ValidationError' } });
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw new GraphQLError('AWSTimestamp must be an integer literal', { nodes: ast });
    return Number(ast.value);
  },
});

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphQLError(`Invalid AWSJSON value: not valid JSON`, { extensions: { errorType: 'ValidationError' } });
  }
};

const AWSJSON = new GraphQLScalarType({
  name: 'AWSJSON',
  serialize: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('AWSJSON must be a string holding JSON', { extensions: { errorType: 'ValidationError' } });
    return parseJson(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('AWSJSON must be a string literal holding JSON', { nodes: ast });
    return parseJson(ast.value);
  },
});

/** Every AppSync scalar by name. */
export const appsyncScalars: Record<string, GraphQLScalarType> = {
  ...Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, stringScalar(name, check)])),
  AWSTimestamp,
  AWSJSON,
};
