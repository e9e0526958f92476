/**
 * A schema exactly as a team deploys it to AppSync. On AppSync the service defines the AWS scalars
 * (contract SCAL-01..09) and the authorization and subscription directives (AUTH-02); a schema file
 * written for it uses them without declaring them. The engine declares each one the SDL does not,
 * and keeps the SDL's own declaration where it has one (schema files shared with codegen and
 * linters often declare them, with small differences between published versions).
 */
import { isTypeDefinitionNode, Kind, parse, type DefinitionNode, type DocumentNode } from 'graphql';

/** The scalars AppSync defines; their validation rules are in scalars.ts. */
export const APPSYNC_SCALAR_NAMES = ['AWSDate', 'AWSTime', 'AWSDateTime', 'AWSTimestamp', 'AWSEmail', 'AWSJSON', 'AWSPhone', 'AWSURL', 'AWSIPAddress'] as const;

/**
 * AppSync's built-in definitions. Where published versions differ (whether `@aws_auth` may annotate
 * a type, whether group lists are required), the most permissive one: every schema AppSync accepts
 * loads. `@deprecated` is graphql-js's own.
 */
export const APPSYNC_DEFINITIONS_SDL = /* GraphQL */ `
"An extended ISO 8601 date, YYYY-MM-DD, with an optional offset."
scalar AWSDate
"An extended ISO 8601 time, hh:mm:ss.sss, with an optional offset."
scalar AWSTime
"An extended ISO 8601 date and time, YYYY-MM-DDThh:mm:ss.sssZ."
scalar AWSDateTime
"Seconds before or after 1970-01-01T00:00Z."
scalar AWSTimestamp
"An email address (RFC 822)."
scalar AWSEmail
"A string holding valid JSON; resolvers receive it parsed."
scalar AWSJSON
"A phone number; numbers without a country code are taken as North American."
scalar AWSPhone
"A URL (RFC 1738) with a scheme."
scalar AWSURL
"An IPv4 or IPv6 address, optionally with a CIDR suffix."
scalar AWSIPAddress

"Open to requests authorized by the API_KEY mode."
directive @aws_api_key on OBJECT | FIELD_DEFINITION
"Open to requests authorized by the AWS_IAM mode."
directive @aws_iam on OBJECT | FIELD_DEFINITION
"Open to requests authorized by the OPENID_CONNECT mode."
directive @aws_oidc on OBJECT | FIELD_DEFINITION
"Open to requests authorized by the AWS_LAMBDA mode."
directive @aws_lambda on OBJECT | FIELD_DEFINITION
"Open to requests authorized by the AMAZON_COGNITO_USER_POOLS mode; with cognito_groups, to members of those groups only."
directive @aws_cognito_user_pools(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION
"Open to members of cognito_groups when user pools is the only mode (AppSync's older form of @aws_cognito_user_pools)."
directive @aws_auth(cognito_groups: [String]) on OBJECT | FIELD_DEFINITION
"A subscription field that fires when one of the listed mutations completes."
directive @aws_subscribe(mutations: [String]) on FIELD_DEFINITION
"A mutation field whose result is published to the listed subscriptions."
directive @aws_publish(subscriptions: [String]) on FIELD_DEFINITION
`;

/** Parsed once per process: the definitions are the same for every schema. */
let appsyncDefinitions: ReadonlyMap<string, DefinitionNode> | undefined;

/** `@name` for directives, `name` for types: the two live in separate namespaces. */
function definedName(definition: DefinitionNode): string | undefined {
  if (definition.kind === Kind.DIRECTIVE_DEFINITION) return `@${definition.name.value}`;
  // Extensions (`extend scalar AWSJSON …`) declare nothing.
  return isTypeDefinitionNode(definition) ? definition.name.value : undefined;
}

function builtInDefinitions(): ReadonlyMap<string, DefinitionNode> {
  appsyncDefinitions ??= new Map(parse(APPSYNC_DEFINITIONS_SDL, { noLocation: true }).definitions.map((definition) => [definedName(definition)!, definition]));
  return appsyncDefinitions;
}

/**
 * Parses SDL written for AppSync and adds AppSync's scalars and directives that it does not declare
 * itself. Syntax errors report the SDL's own lines and columns.
 */
export function parseAppSyncSchema(sdl: string): DocumentNode {
  const document = parse(sdl);
  const declared = new Set(document.definitions.map(definedName));
  const missing = [...builtInDefinitions()].filter(([name]) => !declared.has(name)).map(([, definition]) => definition);
  return missing.length === 0 ? document : { ...document, definitions: [...missing, ...document.definitions] };
}
