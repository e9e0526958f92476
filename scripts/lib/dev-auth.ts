/**
 * Credentials for the local stage (serverless.yml `params.local`): a made-up user pool whose
 * signing key is generated on first start and kept in the data folder, so sign-in tokens survive
 * restarts, and the local API key. Nothing here is valid on a deployed stage.
 */
import { generateKeyPairSync, createHash, createPrivateKey, createPublicKey, randomUUID, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Must match serverless.yml `params.local`. */
export const LOCAL_USER_POOL_ID = 'eu-west-1_LocalDev';
export const LOCAL_CLIENT_ID = 'local-dev';
export const LOCAL_API_KEY = 'local-dev-key';
const TOKEN_HOURS = 12;

/**
 * The local stage's users, one per role; the candidate's email is the one a seeded candidate has.
 * The recruiter works for no company (tenancy): the seeded companies' recruiters sign in by email
 * ({@link localUser}).
 */
export const LOCAL_USERS = {
  admin: { sub: '00000000-0000-4000-8000-000000000001', username: 'local-admin', groups: ['admins', 'recruiters'], email: 'admin@localhost' },
  recruiter: { sub: '00000000-0000-4000-8000-000000000002', username: 'local-recruiter', groups: ['recruiters'], email: 'recruiter@localhost' },
  candidate: { sub: '00000000-0000-4000-8000-000000000003', username: 'amara.okafor', groups: ['candidates'], email: 'amara.okafor@example.com' },
} as const;

export type LocalRole = keyof typeof LOCAL_USERS;

/** A user of the local stage, as its token names them. */
export interface LocalUser {
  sub: string;
  username: string;
  groups: readonly string[];
  email: string;
}

/** A stable user id for an email: the same email signs in as the same user on every run. */
function subOf(email: string): string {
  const hex = createHash('sha256').update(email.toLowerCase()).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The local user of `role`; with `email`, the one who signs in with that (verified) email instead. */
export function localUser(role: LocalRole, email?: string): LocalUser {
  const user = LOCAL_USERS[role];
  if (!email || email.toLowerCase() === user.email) return user;
  return { sub: subOf(email), username: email.toLowerCase(), groups: user.groups, email };
}

export interface DevAuth {
  /** The pool's public keys, for the function's COGNITO_JWKS. */
  jwks: string;
  /** A user-pool ID token of a local admin (groups admins and recruiters), valid for 12 hours. */
  token: string;
  /** A user-pool ID token per role (the admin's is `token`), each valid for 12 hours; emails verified. */
  tokens: Record<LocalRole, string>;
}

function signingKey(dataDir: string): { kid: string; pem: string } {
  const file = join(dataDir, 'dev-signing-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as { kid: string; pem: string };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = { kid: randomUUID(), pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The local stage's keys and a fresh token per role, from the key in `dataDir` (created if missing). */
export function localDevAuth(dataDir: string): DevAuth {
  const { kid, pem } = signingKey(dataDir);
  const privateKey = createPrivateKey(pem);
  const jwk = { ...createPublicKey(privateKey).export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const tokens = { admin: localToken(dataDir, LOCAL_USERS.admin), recruiter: localToken(dataDir, LOCAL_USERS.recruiter), candidate: localToken(dataDir, LOCAL_USERS.candidate) };
  return { jwks: JSON.stringify({ keys: [jwk] }), token: tokens.admin, tokens };
}

/** A user-pool ID token of `user` (email verified), valid for 12 hours, signed with the key in `dataDir` (created if missing). */
export function localToken(dataDir: string, user: LocalUser): string {
  const { kid, pem } = signingKey(dataDir);
  const privateKey = createPrivateKey(pem);
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    sub: user.sub,
    iss: `https://cognito-idp.eu-west-1.amazonaws.com/${LOCAL_USER_POOL_ID}`,
    aud: LOCAL_CLIENT_ID,
    token_use: 'id',
    'cognito:username': user.username,
    'cognito:groups': user.groups,
    email: user.email,
    email_verified: true,
    auth_time: now,
    iat: now,
    exp: now + TOKEN_HOURS * 3600,
  };
  const input = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}
