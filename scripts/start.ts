/**
 * `npm start`: the whole API on this machine. DynamoDB Local (data kept in .dynamodb/ across
 * restarts), the table from src/data/table.json, sample data on first run, the playground assets,
 * and the function behind serverless-offline's HTTP API emulation. Ctrl+C stops everything.
 *
 * Credentials (the local stage's only): sign-in tokens for an admin, a recruiter of each company (and
 * one of none), and a candidate (linked to a seeded candidate), printed at start, and the API key
 * local-dev-key; `npm run token` mints more (scripts/token.ts). Environment:
 * PORT (API, default 4000), WEBSOCKET_PORT (subscriptions, default 3001), DYNAMODB_PORT (default
 * 8000), DYNAMODB_DATA_DIR (default .dynamodb), SEED=false to skip the sample data.
 *
 * Reload: a change under src/, schema/ or the build configuration restarts serverless-offline
 * alone (lib/reload.ts); WATCH=false turns it off, WATCH_PATHS (comma-separated) watches those
 * paths instead.
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { assertJava, ensureTable, freePort, startDynamoDBLocal } from '@appsync-lambda/dynamodb-local';
import { relative, resolve } from 'node:path';
import { ensurePlayground } from './build-playground.ts';
import { tableDefinition } from '../src/data/keys.ts';
import { localDevAuth, localToken, localUser, LOCAL_API_KEY, LOCAL_USERS } from './lib/dev-auth.ts';
import { startOffline, type Offline, type OfflineOptions } from './lib/offline.ts';
import { defaultWatchPaths, watchAndReload } from './lib/reload.ts';
import { candidateIds, companyRecruiters, seed } from './lib/seed.ts';
import { serviceDir } from './lib/serverless.ts';

const STAGE = 'local';
// serverless.yml names the table `${self:service}-${sls:stage}` and passes it as TABLE_NAME.
const TABLE_NAME = `hiring-api-${STAGE}`;
// DynamoDB Local with -sharedDb ignores credentials and region, but the SDK wants some.
const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

const port = Number(process.env.PORT ?? 4000);
const websocketPort = Number(process.env.WEBSOCKET_PORT ?? 3001);
const dynamodbPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const dataDir = resolve(serviceDir, process.env.DYNAMODB_DATA_DIR ?? '.dynamodb');
const watchedPaths =
  process.env.WATCH === 'false' ? [] : (process.env.WATCH_PATHS?.split(',').filter(Boolean) ?? defaultWatchPaths);

try {
  assertJava();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const running: Array<{ stop(): Promise<void> }> = [];
const aborted = new AbortController();
let stopping: Promise<never> | undefined;

/** Stops what started, newest first, then exits; safe to call from any point of the start-up. */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    aborted.abort();
    for (const service of running.reverse()) await service.stop().catch(() => undefined);
    process.exit(code);
  })();
  return stopping;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));

async function isEmpty(client: DynamoDBClient): Promise<boolean> {
  const { Count } = await client.send(new ScanCommand({ TableName: TABLE_NAME, Limit: 1, Select: 'COUNT' }));
  return Count === 0;
}

async function start(): Promise<void> {
  const [dynamodb] = await Promise.all([
    startDynamoDBLocal({ port: dynamodbPort, dbPath: dataDir, workDir: dataDir, signal: aborted.signal }).then((local) => {
      running.push(local);
      return local;
    }),
    ensurePlayground(),
  ]);
  const client = new DynamoDBClient({
    endpoint: dynamodb.endpoint,
    region: 'local',
    credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
  });
  await ensureTable(client, TABLE_NAME, tableDefinition);
  const firstRun = await isEmpty(client);
  client.destroy();

  // The local stage's user pool signs with a key kept beside the data (serverless.yml params.local).
  const auth = localDevAuth(dataDir);
  const api = await startApi({
    port,
    lambdaPort: await freePort(),
    websocketPort,
    stage: STAGE,
    env: {
      ...LOCAL_CREDENTIALS,
      DYNAMODB_ENDPOINT: dynamodb.endpoint,
      COGNITO_JWKS: auth.jwks,
      // The playground page of the local stage comes with the admin token in its header editor.
      PLAYGROUND_HEADERS: JSON.stringify({ Authorization: auth.token }),
    },
    onOutput: (text) => process.stdout.write(text),
    signal: aborted.signal,
  });

  let seeded = '';
  const candidateUser = { email: LOCAL_USERS.candidate.email, headers: { authorization: auth.tokens.candidate } };
  if (firstRun && process.env.SEED !== 'false') {
    const counts = await seed(api.url, undefined, { authorization: auth.token }, undefined, candidateUser);
    seeded = ` (new: seeded ${counts.companies} companies, ${counts.jobs} jobs, ${counts.candidates} candidates, ${counts.applications} applications)`;
  }
  const ids = await candidateIds(api.url, candidateUser.headers);
  // A token of each company's first email-named recruiter (tenancy: they reach that company only).
  const recruiters = (await companyRecruiters(api.url, { authorization: auth.token })).flatMap(({ id, name, emails }) =>
    emails.length > 0 ? [`  Recruiter of  ${name} (company ${id})`, `                ${localToken(dataDir, localUser('recruiter', emails[0]))}`, `                (12 h; ${emails[0]}: the private side of ${name} only)`] : [],
  );
  const tryIds = ids ? `candidate ${ids.candidateId} (the candidate token's own), application ${ids.applicationId ?? '-'}, job ${ids.jobId ?? '-'}` : '';
  // Watching starts once the sample data is in: a reload would fail the seed's requests.
  if (watchedPaths.length > 0) {
    const watcher = watchAndReload({ paths: watchedPaths, restart: api.restart, signal: aborted.signal });
    running.push({ stop: () => watcher.close() });
    await watcher.ready;
  }
  const watching = watchedPaths === defaultWatchPaths ? 'src/, schema/ or the build configuration' : watchedPaths.join(', ');
  console.log(
    [
      '',
      `  GraphQL API   ${api.url}`,
      `  Subscriptions ${api.websocketUrl}   (graphql-transport-ws; connection_init payload { authorization } or { "x-api-key" })`,
      `  Playground    ${api.url}   (open it in a browser; signed in as the local admin)`,
      `  Admin token   ${auth.token}`,
      `                (12 h; send it as the Authorization header: groups admins and recruiters)`,
      `  Recruiter     ${auth.tokens.recruiter}`,
      `                (12 h; group recruiters, a recruiter of no company: no company's private side)`,
      ...recruiters,
      '                (more: npm run token -- --role recruiter --company <id> [--email <e>])',
      `  Candidate     ${auth.tokens.candidate}`,
      `                (12 h; a candidate's token: group candidates, ${LOCAL_USERS.candidate.email}, the seeded candidate of that email;`,
      '                try { me { name applications { items { stage job { title } } } } })',
      ...(tryIds ? [`  Ids to try    ${tryIds}`] : []),
      `  API key       ${LOCAL_API_KEY}   (public job-board reads: send it as x-api-key; runs only the SDK's operations)`,
      `  DynamoDB      ${dynamodb.endpoint}   table ${TABLE_NAME}, data in ${relative(process.cwd(), dataDir) || '.'}${seeded}`,
      watchedPaths.length > 0
        ? `  Reload        on: a change in ${watching} restarts the API (WATCH=false turns it off)`
        : '  Reload        off',
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  // DynamoDB Local ending on its own leaves the stack unusable: stop the rest and say so.
  void dynamodb.exited.then(() => stoppedUnexpectedly('DynamoDB Local'));
}

function stoppedUnexpectedly(name: string): Promise<never> | undefined {
  if (stopping) return undefined;
  console.error(`${name} stopped unexpectedly; stopping the local stack.`);
  return shutdown(1);
}

/**
 * serverless-offline, restartable on the same port: `restart()` stops the running one (its whole
 * process group) and starts a fresh one, which bundles the current sources. Only an exit that no
 * restart caused stops the stack.
 */
async function startApi(options: OfflineOptions): Promise<{ url: string; websocketUrl: string; restart(): Promise<void> }> {
  const watchExit = (instance: Offline) =>
    void instance.exited.then(() => {
      if (current === instance) return stoppedUnexpectedly('serverless-offline');
    });
  let current: Offline | undefined = await startOffline(options);
  watchExit(current);
  let restarting: Promise<void> = Promise.resolve();
  // Stopping waits for a restart in progress, so no fresh serverless-offline outlives the stack.
  running.push({ stop: () => restarting.catch(() => undefined).then(() => current?.stop()) });
  const restart = () => {
    restarting = (async () => {
      const previous = current;
      current = undefined;
      await previous?.stop();
      current = await startOffline({ ...options, quietStart: true });
      watchExit(current);
    })();
    return restarting;
  };
  return { url: current.url, websocketUrl: current.websocketUrl, restart };
}

try {
  await start();
} catch (error) {
  if (!aborted.signal.aborted) {
    console.error(`The local stack could not start: ${(error as Error).message}`);
    await shutdown(1);
  }
}
