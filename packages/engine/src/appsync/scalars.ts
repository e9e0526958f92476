/**
 * AppSync's scalars as real GraphQL scalars with the service's validation rules (contract SCAL-*):
 * an invalid value is rejected in variables and in literals with a ValidationError naming the
 * scalar; a resolver returning an invalid value fails that field.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isIP } from 'node:net';
import { ERROR_TYPES } from '../core/error-types';

// Offsets: Z, ±hh:mm or ±hh:mm:ss (seconds accepted though not ISO 8601, as AppSync does).
const OFFSET = '(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?)';
const DATE = '(\\d{4})-(\\d{2})-(\\d{2})';
// Seconds optional; a 1–9 digit fraction only after seconds.
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?';

const dateRe = new RegExp(`^${DATE}${OFFSET}?$`);
const timeRe = new RegExp(`^${TIME}${OFFSET}?$`);
const dateTimeRe = new RegExp(`^${DATE}T${TIME}${OFFSET}$`);
// RFC 822 addr-spec without quoted strings or comments: atoms separated by dots on both sides.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const emailRe = new RegExp(`^${ATOM}(?:\\.${ATOM})*@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+$`);
// Digit groups separated by spaces, hyphens or dots, an optional (area code), an optional +country.
const phoneRe = /^\+?\d*[ .-]?(?:\(\d+\)|\d+)(?:[ .-]?\d+)*$/;

function validCalendarDate(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
}

type Check = (value: string) => boolean;

/** The validity rule of each string-valued AppSync scalar. */
export const scalarChecks: Readonly<Record<string, Check>> = {
  AWSDate: (v) => {
    const m = dateRe.exec(v);
    return !!m && validCalendarDate(m[1]!, m[2]!, m[3]!);
  },
  AWSTime: (v) => timeRe.test(v),
  AWSDateTime: (v) => {
    const m = dateTimeRe.exec(v);
    return !!m && validCalendarDate(m[1]!, m[2]!, m[3]!);
  },
  AWSEmail: (v) => emailRe.test(v),
  AWSURL: (v) => {
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(v);
    if (!scheme || !URL.canParse(v)) return false;
    // No `//` inside the path: strip the scheme and an optional `//authority` first.
    const path = v.slice(scheme[0].length).replace(/^\/\/[^/?#]*/, '').split(/[?#]/)[0]!;
    return !path.includes('//');
  },
  AWSPhone: (v) => {
    const digits = v.replace(/\D/g, '').length;
    return phoneRe.test(v) && digits >= 7 && digits <= 15;
  },
  AWSIPAddress: (v) => {
    const [address, prefix, ...rest] = v.split('/');
    if (rest.length > 0 || !address) return false;
    const version = isIP(address);
    if (version === 0) return false;
    if (prefix === undefined) return true;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
  },
};

const invalid = (name: string, value: unknown, why = ''): GraphQLError =>
  new GraphQLError(`Invalid ${name} value: ${JSON.stringify(value)}${why}`, { extensions: { errorType: ERROR_TYPES.ValidationError } });

const wrongLiteral = (name: string, expected: string, ast: ValueNode): GraphQLError =>
  new GraphQLError(`${name} must be ${expected} literal, found ${ast.kind}`, { nodes: ast, extensions: { errorType: ERROR_TYPES.ValidationError } });

function stringScalar(name: string, check: Check): GraphQLScalarType<string, string> {
  const validate = (value: unknown): string => {
    if (typeof value !== 'string' || !check(value)) throw invalid(name, value);
    return value;
  };
  return new GraphQLScalarType({
    name,
    serialize: (value) => (name === 'AWSDateTime' && value instanceof Date ? value.toISOString() : validate(value)),
    parseValue: validate,
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.STRING) throw wrongLiteral(name, 'a string', ast);
      return validate(ast.value);
    },
  });
}

const timestamp = (value: unknown): number => {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw invalid('AWSTimestamp', value, ' (integer seconds since the epoch expected)');
};

const AWSTimestamp = new GraphQLScalarType<number, number>({
  name: 'AWSTimestamp',
  serialize: timestamp,
  parseValue: timestamp,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw wrongLiteral('AWSTimestamp', 'an integer', ast);
    return timestamp(Number(ast.value));
  },
});

const parseJson = (text: unknown): unknown => {
  if (typeof text !== 'string') throw invalid('AWSJSON', text, ' (a string holding JSON expected)');
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('AWSJSON', text, ' (not valid JSON)');
  }
};

// Input is parsed for resolvers; output: strings pass as they are, anything else is serialised.
const AWSJSON = new GraphQLScalarType<unknown, string>({
  name: 'AWSJSON',
  serialize: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  parseValue: parseJson,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw wrongLiteral('AWSJSON', 'a string', ast);
    return parseJson(ast.value);
  },
});

/** Every AppSync scalar by name. */
export const appsyncScalars: Record<string, GraphQLScalarType> = {
  ...Object.fromEntries(Object.entries(scalarChecks).map(([name, check]) => [name, stringScalar(name, check)])),
  AWSTimestamp: AWSTimestamp as GraphQLScalarType,
  AWSJSON: AWSJSON as GraphQLScalarType,
};
