// A fresh Node process for the benchmarks (plain CommonJS so nothing but the bundle is compiled).
// cold: require one bundle, answer one event, print timings and RSS as one JSON line, exit.
// warm: require every subject's bundle, then time batches of sequential requests per subject.
// warm-profile: the warm path of one subject under the profiler.
'use strict';

const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 30_000 };

async function invoke(handler, event) {
  const result = await handler(event, context, () => undefined);
  const body = JSON.parse(result.body);
  if (result.statusCode !== 200 || body.errors || !body.data) {
    throw new Error(`unexpected response ${result.statusCode}: ${result.body}`);
  }
  return body;
}

async function cold(file, event) {
  const started = performance.now();
  const { handler } = require(file);
  const loaded = performance.now();
  await invoke(handler, event);
  const answered = performance.now();
  const cpu = process.cpuUsage();
  return { requireMs: loaded - started, firstRequestMs: answered - loaded, cpuMs: (cpu.user + cpu.system) / 1000, rss: process.memoryUsage.rss() };
}

async function warm({ subjects, batches, requests, warmup }) {
  const loaded = subjects.map((subject) => ({ ...subject, handler: require(subject.file).handler, batches: [] }));
  for (const subject of loaded) for (let i = 0; i < warmup; i++) await invoke(subject.handler, subject.event);
  for (let batch = 0; batch < batches; batch++) {
    // Interleaved batches: drift on a shared machine hits every subject alike.
    for (const subject of loaded) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < requests; i++) await invoke(subject.handler, subject.event);
      subject.batches.push(Number(process.hrtime.bigint() - start) / 1000 / requests);
    }
  }
  return Object.fromEntries(loaded.map((subject) => [subject.name, subject.batches]));
}

// warm-profile: one subject warmed up, then `requests` sequential requests under the V8 profiler
// (node:inspector), so the profile holds the warm path only; written to `out`.
async function warmProfile({ subject, requests, warmup, out }) {
  const { Session } = require('node:inspector/promises');
  const handler = require(subject.file).handler;
  for (let i = 0; i < warmup; i++) await invoke(handler, subject.event);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  const start = process.hrtime.bigint();
  for (let i = 0; i < requests; i++) await invoke(handler, subject.event);
  const perRequestUs = Number(process.hrtime.bigint() - start) / 1000 / requests;
  const { profile } = await session.post('Profiler.stop');
  require('node:fs').writeFileSync(out, JSON.stringify(profile));
  session.disconnect();
  return { perRequestUs };
}

// What the SDK's NodeHttpHandler pays on its first call to an http:// endpoint (DynamoDB Local):
// `import('node:http')` builds an ESM facade that loads undici. https endpoints skip it.
async function httpImport() {
  require('node:https');
  const started = performance.now();
  await import('node:http');
  return { ms: performance.now() - started };
}

const RESULT_MARK = 'BENCH_RESULT ';
const [mode, file] = process.argv.slice(2);
const jobs = {
  cold: () => cold(file, JSON.parse(process.env.BENCH_EVENT)),
  warm: () => warm(JSON.parse(process.env.BENCH_WARM)),
  'warm-profile': () => warmProfile(JSON.parse(process.env.BENCH_WARM)),
  'http-import': httpImport,
};
const job = jobs[mode]();
job.then(
  (result) => {
    // Marked: the handler may log its own lines to stdout before this one.
    // Exit once written: a handler that logs a lot can leave stdout behind a pipe that is still draining.
    process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`, () => process.exit(0));
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
