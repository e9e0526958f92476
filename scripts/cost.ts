/**
 * `npm run cost`: what the API costs per million operations of a realistic traffic mix of the SDK's
 * operations (scripts/cost/mix.ts), itemised, at 512, 1024 and 1769 MB, beside AppSync's price.
 *
 * Measured here: our production bundle (the one `npm run build` and the deploy make) answers the mix
 * in a fresh Node 24 process against DynamoDB Local with the deployed settings (user pools + API key,
 * trusted documents, query budgets, INFO request log); per call its CPU time, the bytes it logged, and
 * through a proxy every DynamoDB call with the capacity units DynamoDB Local reports for it
 * (ReturnConsumedCapacity=TOTAL). Modelled: see scripts/cost/model.ts (CPU share by memory, DynamoDB's
 * in-region latency, cold starts, Lambda's own log lines). Prices: src/observability/prices.json.
 *
 * COST_OPERATIONS (default 1000) sets the measured calls (rounds of 100), after one unmeasured round.
 *
 * Then the real-time section (scripts/cost/realtime.ts): a month of subscriptions, ours against
 * AppSync real time, and the break-even events per connection-hour. `npm run cost -- realtime`
 * prints that section only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildOurs } from '../bench/lib/bundles.ts';
import { startBenchDatabase } from '../bench/lib/database.ts';
import { graphqlEvent } from '../bench/lib/events.ts';
import { callerClaims, sdkOperations, type SdkOperation } from '../bench/lib/operations.ts';
import { runChild } from '../bench/lib/processes.ts';
import { median, table } from '../bench/lib/stats.ts';
import { appSyncCost, estimateCost, PRICES, type Architecture } from '../src/observability/cost.ts';
import { mixRound, TRAFFIC_MIX } from './cost/mix.ts';
import { cpuAtMemory, criticalPath, modelledDynamoDBMs, PLATFORM_LOG_BYTES, type CallRecord } from './cost/model.ts';
import { startCapacityProxy, type ProxiedCall } from './cost/proxy.ts';
import { printRealtimeCost } from './cost/realtime.ts';

const MEMORY_SIZES = [512, 1024, 1769];
const TARGET_PER_MILLION = 1.35;
const measured = Math.max(100, Math.round(Number(process.env.COST_OPERATIONS ?? 1000) / 100) * 100 || 1000);
const coldStartRate = Number(process.env.COST_COLD_START_RATE ?? 0.005);
const initCpuMs = Number(process.env.COST_INIT_CPU_MS ?? 185);

interface CallResult {
  name: string;
  start: number;
  end: number;
  wallMs: number;
  cpuMs: number;
  logBytes: number;
  requestBytes: number;
}

interface Sample extends CallResult {
  calls: ProxiedCall[];
}

/** The function's settings as serverless.yml deploys them: its literal environment values, memory and architecture. */
function deployedSettings(): { env: Record<string, string>; memorySize: number; architecture: Architecture } {
  const service = parseYaml(readFileSync(new URL('../serverless.yml', import.meta.url), 'utf8'), { logLevel: 'silent' }) as {
    provider: { environment: Record<string, unknown>; memorySize: number; architecture: Architecture };
  };
  const env = Object.fromEntries(Object.entries(service.provider.environment).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !entry[1].includes('${')));
  return { env, memorySize: service.provider.memorySize, architecture: service.provider.architecture };
}

const dollars = (value: number) => `$${value.toFixed(value < 0.1 ? 4 : 3)}`;
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

async function printMixCost(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'hiring-api-cost-'));
  try {
    const deployed = deployedSettings();
    const rounds = measured / 100 + 1;
    const round = mixRound();
    const perRound = (name: string) => round.filter((entry) => entry === name).length;
    const spares = rounds * Math.max(perRound('ApplyToJob'), perRound('MoveApplication')) + 2;

    console.log(`Building the production bundle and seeding DynamoDB Local (${spares} spare candidates and applications)...`);
    const bundle = await buildOurs(workDir);
    const database = await startBenchDatabase(join(workDir, 'dynamodb'), { jobs: 20, applicationsPerJob: 20, spares });
    const proxy = await startCapacityProxy(database.env.DYNAMODB_ENDPOINT!);
    let samples: Sample[];
    try {
      const operations = new Map(sdkOperations().map((operation) => [operation.name, operation] as const));
      const missing = Object.keys(TRAFFIC_MIX).filter((name) => !operations.get(name)?.case);
      if (missing.length > 0) throw new Error(`The traffic mix names operations the SDK or bench/lib/operations.ts lacks: ${missing.join(', ')}`);
      const counters = new Map<string, number>();
      const event = (operation: SdkOperation) => {
        const n = counters.get(operation.name) ?? 0;
        counters.set(operation.name, n + 1);
        const claims = callerClaims(operation.case!, database.seed, n);
        const headers: Record<string, string> = claims ? { authorization: database.key.token(database.env.COGNITO_USER_POOL_ID!, claims) } : { 'x-api-key': database.env.API_KEYS! };
        return graphqlEvent(operation.document, operation.case!.variables(database.seed, n), headers);
      };
      const calls = Array.from({ length: rounds }, () => round).flat().map((name) => ({ name, event: event(operations.get(name)!) }));
      const jobFile = join(workDir, 'cost.json');
      writeFileSync(jobFile, JSON.stringify({ file: bundle.file, calls, warmup: 100 }));
      // The deployed settings, then the local stand-ins: the table, the proxy, the bench's key and API key.
      const env = {
        ...deployed.env,
        ...database.env,
        TRUSTED_DOCUMENTS: deployed.env.TRUSTED_DOCUMENTS ?? 'API_KEY',
        QUERY_BUDGET_API_KEY: deployed.env.QUERY_BUDGET_API_KEY ?? '',
        DYNAMODB_ENDPOINT: proxy.endpoint,
        PAGINATION_SECRET: 'cost-run-pagination-secret',
        POWERTOOLS_SERVICE_NAME: 'hiring-api',
        AWS_LAMBDA_FUNCTION_NAME: 'hiring-api-prod-graphql',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(deployed.memorySize),
        BENCH_JOB_FILE: jobFile,
        // No Lambda service here to invoke the realtime function: its Invoke is left out (see the note below).
        REALTIME_PUBLISH: 'off',
      };
      console.log(`Running ${rounds * 100} operations (${measured} measured) of the mix...`);
      const results = (await runChild(['cost'], env)).result as CallResult[];
      // Each DynamoDB call belongs to the request whose window holds its midpoint (requests run one at a time).
      samples = results.map((result) => ({ ...result, calls: proxy.calls.filter((call) => (call.start + call.end) / 2 >= result.start && (call.start + call.end) / 2 <= result.end) }));
    } finally {
      await proxy.close();
      await database.local.stop();
    }

    const byName = new Map<string, Sample[]>();
    for (const sample of samples) byName.set(sample.name, [...(byName.get(sample.name) ?? []), sample]);
    const records = (sample: Sample): CallRecord[] => sample.calls.map((call) => ({ operation: call.operation, start: call.start, end: call.end }));
    const billedMs = (sample: Sample, memoryMb: number) => cpuAtMemory(sample.cpuMs, memoryMb) + modelledDynamoDBMs(records(sample));

    console.log(`\nTraffic mix (per 100 operations) and what each operation did here (means over ${measured} measured calls; CPU and wall: medians)`);
    const rows = [['operation', 'per 100', 'CPU ms', 'local wall ms', 'DDB calls', 'round trips', 'RRU', 'WRU', 'log bytes', 'modelled billed ms @1024']];
    for (const [name, weight] of Object.entries(TRAFFIC_MIX)) {
      const list = byName.get(name) ?? [];
      rows.push([
        name,
        String(weight),
        median(list.map((sample) => sample.cpuMs)).toFixed(2),
        median(list.map((sample) => sample.wallMs)).toFixed(2),
        mean(list.map((sample) => sample.calls.length)).toFixed(1),
        mean(list.map((sample) => criticalPath(records(sample)).length)).toFixed(1),
        mean(list.map((sample) => sample.calls.reduce((sum, call) => sum + call.readUnits, 0))).toFixed(2),
        mean(list.map((sample) => sample.calls.reduce((sum, call) => sum + call.writeUnits, 0))).toFixed(2),
        mean(list.map((sample) => sample.logBytes)).toFixed(0),
        mean(list.map((sample) => Math.ceil(billedMs(sample, 1024)))).toFixed(1),
      ]);
    }
    console.log(table(rows));

    const costs = MEMORY_SIZES.map((memoryMb) => {
      const items = samples.map((sample) =>
        estimateCost({
          billedMs: billedMs(sample, memoryMb),
          memoryMb,
          arch: deployed.architecture,
          readUnits: sample.calls.reduce((sum, call) => sum + call.readUnits, 0),
          writeUnits: sample.calls.reduce((sum, call) => sum + call.writeUnits, 0),
          requestBytes: sample.requestBytes,
          logBytes: sample.logBytes + PLATFORM_LOG_BYTES,
        }),
      );
      const perMillion = (pick: (item: (typeof items)[number]) => number) => (mean(items.map(pick)) * 1e6);
      const init = coldStartRate * estimateCost({ billedMs: cpuAtMemory(initCpuMs, memoryMb), memoryMb, arch: deployed.architecture }).lambdaCompute * 1e6;
      const result = {
        memoryMb,
        lambdaCompute: perMillion((item) => item.lambdaCompute),
        init,
        lambdaRequest: perMillion((item) => item.lambdaRequest),
        httpApi: perMillion((item) => item.httpApi),
        dynamodbRead: perMillion((item) => item.dynamodbRead),
        dynamodbWrite: perMillion((item) => item.dynamodbWrite),
        logs: perMillion((item) => item.logs),
        latencyMs: mean(samples.map((sample) => billedMs(sample, memoryMb))),
        p99Ms: [...samples.map((sample) => billedMs(sample, memoryMb))].sort((a, b) => a - b)[Math.floor(samples.length * 0.99)]!,
      };
      return { ...result, total: result.lambdaCompute + result.init + result.lambdaRequest + result.httpApi + result.dynamodbRead + result.dynamodbWrite + result.logs };
    });

    const appsync = appSyncCost(1e6);
    console.log(`\nCost per million operations of the mix, ${PRICES.region} list prices of ${PRICES.date} (src/observability/prices.json), ${deployed.architecture}`);
    const header = ['item', ...MEMORY_SIZES.map((memoryMb) => `${memoryMb} MB`), 'measured / modelled'];
    const line = (label: string, pick: (cost: (typeof costs)[number]) => string, how: string) => [label, ...costs.map(pick), how];
    console.log(
      table([
        header,
        line('Lambda compute (warm)', (cost) => dollars(cost.lambdaCompute), 'CPU measured here, scaled by memory; DynamoDB wait modelled'),
        line(`Lambda init (${(coldStartRate * 100).toFixed(1)} % cold)`, (cost) => dollars(cost.init), `modelled: ${initCpuMs} ms CPU per cold start`),
        line('Lambda requests', (cost) => dollars(cost.lambdaRequest), 'price'),
        line('HTTP API requests', (cost) => dollars(cost.httpApi), 'price; request sizes measured'),
        line('DynamoDB reads (RRU)', (cost) => dollars(cost.dynamodbRead), 'units reported by DynamoDB Local'),
        line('DynamoDB writes (WRU)', (cost) => dollars(cost.dynamodbWrite), 'units reported by DynamoDB Local'),
        line('CloudWatch Logs ingestion', (cost) => dollars(cost.logs), `our lines measured + ${PLATFORM_LOG_BYTES} B of Lambda's`),
        line('total', (cost) => dollars(cost.total), ''),
        line('AppSync, same traffic', () => dollars(appsync), '$4.00 per million queries and mutations'),
        line('ours / AppSync', (cost) => `${(cost.total / appsync).toFixed(2)}×`, `target ≤ $${TARGET_PER_MILLION.toFixed(2)} (about a third)`),
        line('modelled duration, mean', (cost) => `${cost.latencyMs.toFixed(1)} ms`, 'CPU at that memory + DynamoDB wait'),
        line('modelled duration, p99', (cost) => `${cost.p99Ms.toFixed(1)} ms`, ''),
      ]),
    );
    const cheapest = costs.reduce((best, cost) => (cost.total < best.total ? cost : best));
    const configured = costs.find((cost) => cost.memoryMb === deployed.memorySize);
    console.log(`\nserverless.yml: memorySize ${deployed.memorySize}${configured ? ` (${dollars(configured.total)} per million)` : ''}; cheapest here ${cheapest.memoryMb} MB (${dollars(cheapest.total)}).`);
    console.log('Measured on this machine: CPU time per call (an estimate of Lambda\'s: a local x64 core stands in for a Graviton core), log bytes,');
    console.log('request sizes, DynamoDB calls and the capacity units DynamoDB Local reports. Modelled: the CPU share by memory, DynamoDB\'s');
    console.log('in-region latency per call, cold-start rate and init time, Lambda\'s own log lines (scripts/cost/model.ts). Not counted: data');
    console.log('transfer out (the same for AppSync), log storage, the free tiers, and the realtime Invoke a published mutation makes');
    console.log('(REALTIME_PUBLISH off here: its request is priced in the real-time section below, its wait for the queue is not).');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (!process.argv.slice(2).includes('realtime')) await printMixCost();
const { memorySize, architecture } = deployedSettings();
await printRealtimeCost({ memoryMb: memorySize, arch: architecture });
