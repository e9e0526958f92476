// A fresh Node process for the benchmarks (plain CommonJS so nothing but the bundle is compiled).
// cold: require one bundle, answer one event, print timings and RSS as one JSON line, exit.
// warm: require every subject's bundle, then time batches of sequential requests per subject.
// warm-profile: the warm path of one subject under the profiler.
// memory: a flood of unique large documents; peak RSS against the same process after a few small requests.
// ops: the SDK's operations on several bundles, CPU and wall time per request.
// count: DynamoDB calls and sequential round trips per operation, through a counting proxy.
// cost: the cost run's traffic mix on one bundle: CPU, wall time and log bytes per call.
'use strict';

const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 30_000 };

// A subject's own variables (`env`, e.g. TRACING) are set while its bundle is required, when its
// module-level settings are read, then put back: several configurations share one process.
function load(subject) {
  const saved = Object.fromEntries(Object.keys(subject.env || {}).map((name) => [name, process.env[name]]));
  Object.assign(process.env, subject.env);
  try {
    return require(subject.file).handler;
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

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

// ops: the SDK's operations on each bundle loaded in this process (ours and the peer), interleaved.
// A repeatable operation sends its one event (`__N__` in its body replaced by a unique count) for
// `warmup` calls and then `batches` × `requests`; one that consumes data sends each of its events
// once, the first `warmup` unmeasured. Per batch: wall and CPU (user + system) µs per request.
async function ops({ subjects, operations, warmup, batches, requests }) {
  const handlers = Object.fromEntries(subjects.map((subject) => [subject.name, load(subject)]));
  let unique = 0;
  const call = (subject, event) => {
    unique += 1;
    const body = event.body.includes('__N__') ? event.body.replaceAll('__N__', `${subject}-${unique}`) : event.body;
    return invoke(handlers[subject], body === event.body ? event : { ...event, body });
  };
  const measure = async (subject, events, count) => {
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < count; i++) await call(subject, events[i % events.length]);
    const used = process.cpuUsage(cpu);
    return { wallUs: Number(process.hrtime.bigint() - start) / 1000 / count, cpuUs: (used.user + used.system) / count };
  };
  const results = {};
  for (const operation of operations) {
    const names = Object.keys(operation.events);
    const result = Object.fromEntries(names.map((name) => [name, []]));
    if (operation.repeatable) {
      for (const name of names) for (let i = 0; i < warmup; i++) await call(name, operation.events[name][0]);
      for (let batch = 0; batch < batches; batch++) {
        const order = batch % 2 === 0 ? names : [...names].reverse();
        for (const name of order) result[name].push(await measure(name, operation.events[name], requests));
      }
    } else {
      const skip = Math.min(warmup, 2);
      for (const name of names) for (const event of operation.events[name].slice(0, skip)) await call(name, event);
      for (const name of names) {
        const rest = operation.events[name].slice(skip);
        if (rest.length > 0) result[name].push(await measure(name, rest, rest.length));
      }
    }
    results[operation.name] = result;
  }
  return results;
}

// count: DynamoDB calls and sequential round trips per operation. A proxy in this process stands
// between the bundle and DynamoDB Local (DYNAMODB_ENDPOINT points at it) and times every request;
// each operation is sent once unmeasured, then once measured. Round trips = the largest number of
// requests that ran one after another without overlapping (the critical path in round trips).
async function count({ file, upstream, operations }) {
  const http = require('node:http');
  const target = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true });
  let log = [];
  const server = http.createServer((req, res) => {
    const entry = { target: String(req.headers['x-amz-target'] || '').split('.').pop(), start: performance.now(), end: 0 };
    const forward = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
      answer.on('end', () => {
        entry.end = performance.now();
        log.push(entry);
      });
    });
    forward.on('error', (error) => res.destroy(error));
    req.pipe(forward);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${server.address().port}`;
  const { handler } = require(file);
  const results = {};
  for (const operation of operations) {
    await invoke(handler, operation.events[0]);
    log = [];
    await invoke(handler, operation.events[1]);
    const sorted = [...log].sort((a, b) => a.end - b.end);
    let roundTrips = 0;
    let last = -Infinity;
    for (const entry of sorted) {
      if (entry.start >= last) {
        roundTrips += 1;
        last = entry.end;
      }
    }
    results[operation.name] = { calls: log.length, roundTrips, targets: log.sort((a, b) => a.start - b.start).map((entry) => entry.target) };
  }
  server.close();
  agent.destroy();
  return results;
}

// cost: one bundle answers a sequence of events (the cost run's traffic mix), the first `warmup`
// unmeasured. Per call: its wall-clock window (performance.timeOrigin-based, so the parent's proxy
// can attribute DynamoDB calls to it), CPU and wall ms, and the bytes the handler wrote to stdout
// (its log lines, as CloudWatch Logs would ingest them), swallowed here.
async function cost({ file, calls, warmup }) {
  const { handler } = require(file);
  const write = process.stdout.write;
  let logBytes = 0;
  process.stdout.write = function (chunk, ...rest) {
    logBytes += Buffer.byteLength(chunk);
    const callback = rest.find((arg) => typeof arg === 'function');
    if (callback) callback();
    return true;
  };
  const results = [];
  try {
    for (const [index, { name, event }] of calls.entries()) {
      logBytes = 0;
      const start = performance.timeOrigin + performance.now();
      const cpu = process.cpuUsage();
      await invoke(handler, event);
      const used = process.cpuUsage(cpu);
      const end = performance.timeOrigin + performance.now();
      if (index >= warmup) results.push({ name, start, end, wallMs: end - start, cpuMs: (used.user + used.system) / 1000, logBytes, requestBytes: Buffer.byteLength(event.body) });
    }
  } finally {
    process.stdout.write = write;
  }
  return results;
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

// memory: `small` ordinary requests give the baseline; then each phase sends `count` unique documents
// (a unique operation name and alias, padded to `bytes` with a comment, or `aliases` dense aliases)
// and records the answers by status and errorType. RSS is the kernel's high-water mark (maxRSS), so
// peaks inside a request count; `rss` after a phase is the current figure.
async function memory({ event, small, phases, smallQuery }) {
  const { handler } = require(file);
  const send = async (query) => {
    const result = await handler({ ...event, body: JSON.stringify({ query }) }, context, () => undefined);
    const body = JSON.parse(result.body);
    return `${result.statusCode} ${body.errors ? body.errors[0].errorType : 'ok'}`;
  };
  for (let i = 0; i < small; i++) {
    const outcome = await send(smallQuery);
    if (outcome !== '200 ok') throw new Error(`small request answered ${outcome}`);
  }
  const maxRss = () => process.resourceUsage().maxRSS * 1024;
  const baseline = { maxRss: maxRss(), rss: process.memoryUsage.rss(), heapUsed: process.memoryUsage().heapUsed };
  const results = [];
  let unique = 0;
  for (const phase of phases) {
    const outcomes = {};
    let bytes = 0;
    const started = performance.now();
    for (let i = 0; i < phase.count; i++) {
      unique += 1;
      const head = `query Q${unique} { a${unique}: company(id: "x") { id name }`;
      const query = phase.aliases
        ? `${head} ${Array.from({ length: phase.aliases }, (_, k) => `t${unique}_${k}: __typename`).join(' ')} }`
        : `${head} }\n#${'p'.repeat(Math.max(0, phase.bytes - head.length - 4))}`;
      bytes += query.length;
      const outcome = await send(query);
      outcomes[outcome] = (outcomes[outcome] || 0) + 1;
    }
    // On stderr as it goes: a process that dies later still shows how far it got.
    process.stderr.write(`BENCH_PHASE ${phase.name}: ${phase.count} documents, high-water RSS ${(maxRss() / 1048576).toFixed(1)} MiB\n`);
    results.push({ name: phase.name, count: phase.count, averageBytes: bytes / phase.count, outcomes, ms: performance.now() - started, maxRss: maxRss(), rss: process.memoryUsage.rss(), heapUsed: process.memoryUsage().heapUsed });
  }
  return { baseline, phases: results };
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
  ops: () => ops(JSON.parse(require('node:fs').readFileSync(process.env.BENCH_JOB_FILE, 'utf8'))),
  cost: () => cost(JSON.parse(require('node:fs').readFileSync(process.env.BENCH_JOB_FILE, 'utf8'))),
  count: () => count(JSON.parse(require('node:fs').readFileSync(process.env.BENCH_JOB_FILE, 'utf8'))),
  'http-import': httpImport,
  memory: () => memory(JSON.parse(process.env.BENCH_MEMORY)),
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
