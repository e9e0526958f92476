/**
 * `npm start`: the whole API on this machine. DynamoDB Local (data kept in .dynamodb/ across
 * restarts), the table from src/data/table.json, sample data on first run, the playground assets,
 * and the function behind serverless-offline's HTTP API emulation. Ctrl+C stops everything.
 *
 * Credentials (the local stage's only): an admin sign-in token, printed at start, and the API key
 * local-dev-key. Environment: PORT (API, default 4000), DYNAMODB_PORT (default 8000), DYNAMODB_DATA_DIR
 * (default .dynamodb), SEED=false to skip the sample data.
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { relative, resolve } from 'node:path';
import { ensurePlayground } from './build-playground.ts';
import { localDevAuth, LOCAL_API_KEY } from './lib/dev-auth.ts';
import { assertJava, freePort, startDynamoDBLocal } from './lib/dynamodb-local.ts';
import { startOffline } from './lib/offline.ts';
import { seed } from './lib/seed.ts';
import { serviceDir } from './lib/serverless.ts';
import { ensureTable } from './lib/table.ts';

const STAGE = 'local';
// serverless.yml names the table `${self:service}-${sls:stage}` and passes it as TABLE_NAME.
const TABLE_NAME = `hiring-api-${STAGE}`;
// DynamoDB Local with -sharedDb ignores credentials and region, but the SDK wants some.
const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };

const port = Number(process.env.PORT ?? 4000);
const dynamodbPort = Number(process.env.DYNAMODB_PORT ?? 8000);
const dataDir = resolve(serviceDir, process.env.DYNAMODB_DATA_DIR ?? '.dynamodb');

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
  await ensureTable(client, TABLE_NAME);
  const firstRun = await isEmpty(client);
  client.destroy();

  // The local stage's user pool signs with a key kept beside the data (serverless.yml params.local).
  const auth = localDevAuth(dataDir);
  const offline = await startOffline({
    port,
    lambdaPort: await freePort(),
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
  running.push(offline);

  let seeded = '';
  if (firstRun && process.env.SEED !== 'false') {
    const counts = await seed(offline.url, undefined, { authorization: auth.token });
    seeded = ` (new: seeded ${counts.companies} companies, ${counts.jobs} jobs, ${counts.candidates} candidates, ${counts.applications} applications)`;
  }
  console.log(
    [
      '',
      `  GraphQL API   ${offline.url}`,
      `  Playground    ${offline.url}   (open it in a browser; signed in as the local admin)`,
      `  Admin token   ${auth.token}`,
      `                (12 h; send it as the Authorization header: groups admins and recruiters)`,
      `  API key       ${LOCAL_API_KEY}   (public job-board reads: send it as x-api-key)`,
      `  DynamoDB      ${dynamodb.endpoint}   table ${TABLE_NAME}, data in ${relative(process.cwd(), dataDir) || '.'}${seeded}`,
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  // Either process ending on its own leaves the stack unusable: stop the rest and say so.
  await Promise.race([dynamodb.exited.then(() => 'DynamoDB Local'), offline.exited.then(() => 'serverless-offline')]).then(
    (name) => {
      if (stopping) return;
      console.error(`${name} stopped unexpectedly; stopping the local stack.`);
      return shutdown(1);
    },
  );
}

try {
  await start();
} catch (error) {
  if (!aborted.signal.aborted) {
    console.error(`The local stack could not start: ${(error as Error).message}`);
    await shutdown(1);
  }
}
