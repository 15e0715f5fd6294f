'use strict';
/**
 * `npm run bench [-- --quick]`: Casetrail against the baselines a team would otherwise pick,
 * each measured in the same run, reported as absolute figures and ratios (issue #6).
 * Writes bench/results/<time>.{json,md} and prints the Markdown table.
 */
const { spawn, spawnSync } = require('node:child_process');
const { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } = require('node:fs');
const { tmpdir, cpus, totalmem, platform, release } = require('node:os');
const { join, resolve } = require('node:path');
const { randomUUID } = require('node:crypto');

const ROOT = resolve(__dirname, '..');
const QUICK = process.argv.includes('--quick');
/** `--phases=data,growth`: run only some phases (appends, http, data, growth), e.g. to re-measure one. */
const ONLY_PHASES = process.argv.find((a) => a.startsWith('--phases='))?.slice('--phases='.length).split(',');
const SIZES = QUICK
  ? { appends: 3_000, writers: [1, 8, 32, 128], httpSeconds: 5, settleSeconds: 5, fixedRateSeconds: 10, warmUpSeconds: 5, rebuildEvents: 50_000, querySeconds: 1.5, lagSamples: 100, growth: [10_000, 100_000], growthAppends: 3_000, growthReads: 200 }
  : { appends: 20_000, writers: [1, 8, 32, 128], httpSeconds: 20, settleSeconds: 15, fixedRateSeconds: 60, warmUpSeconds: 5, rebuildEvents: 1_000_000, querySeconds: 10, lagSamples: 500, growth: [10_000, 100_000, 1_000_000, 10_000_000], growthAppends: 20_000, growthReads: 1_000 };
const PHASES = 6;
/** `--fsync-delay-ms=5`: the HTTP phase's services run on a disk whose every fsync takes this much longer (Linux, needs cc). */
const FSYNC_DELAY_MS = Number(process.argv.find((a) => a.startsWith('--fsync-delay-ms='))?.slice('--fsync-delay-ms='.length) ?? 0);

function ensureInstalled() {
  if (existsSync(join(__dirname, 'node_modules', '@event-driven-io', 'emmett-sqlite'))) return;
  progressLine('installing the benchmark peers (bench/package.json; sqlite3 compiles from source)…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: __dirname, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm install in bench/ failed');
}

function build() {
  progressLine('building the service…');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error('npm run build failed');
}

const dist = (path) => require(join(ROOT, 'dist', path));
const scratch = () => mkdtempSync(join(tmpdir(), 'casetrail-bench-'));
const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
const now = () => process.hrtime.bigint();
function progressLine(text) {
  process.stderr.write(`\r\x1b[2K${text}`);
}
function progressBar(label, done, total) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  progressLine(`${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.min(100, Math.round((done / total) * 100))}%`);
}
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

// ---------------------------------------------------------------- 1. durable appends
const metadata = () => ({
  actor: { userId: 'bench', displayName: 'Bench', agency: 'Bench', roles: [] },
  partnershipId: 'bench', correlationId: randomUUID(), causationId: randomUUID(), commandId: randomUUID(),
});

/** `commits`: 'main', the store's default, or 'worker', a commit thread, as the service runs it. */
async function casetrailAppends(writers, total, commits) {
  const { SqliteEventStore } = dist('libs/event-store/src');
  const dir = scratch();
  const store = new SqliteEventStore({ path: join(dir, 'events.sqlite'), commits });
  const rate = await appendRate(store, writers, total, 'bench');
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

/** Single-event appends per second by `writers` concurrent writers, each on its own stream. */
async function appendRate(store, writers, total, prefix) {
  let sent = 0;
  const start = now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let version = 0n;
      while (sent < total) {
        sent++;
        const result = await store.append(`${prefix}-${w}`, version === 0n ? 'no_stream' : version, [
          { eventId: randomUUID(), type: 'BenchEvent', schemaVersion: 1, data: { n: sent }, metadata: metadata() },
        ]);
        version = result.version;
      }
    }),
  );
  return total / seconds(start);
}

/** One transaction, so one fsync, per command: what a plain better-sqlite3 store does. */
function rawAppends(total) {
  const Database = require(join(ROOT, 'node_modules', 'better-sqlite3'));
  const dir = scratch();
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT UNIQUE, stream_id TEXT, version INTEGER,
    type TEXT, data TEXT, metadata TEXT, UNIQUE (stream_id, version))`);
  const insert = db.prepare('INSERT INTO events (event_id, stream_id, version, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  const append = db.transaction((i) => insert.run(randomUUID(), 'raw', i, 'BenchEvent', JSON.stringify({ n: i }), JSON.stringify(metadata())));
  const start = now();
  for (let i = 1; i <= total; i++) append(i);
  const rate = total / seconds(start);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

async function emmettAppends(writers, total) {
  const { getSQLiteEventStore } = require(join(__dirname, 'node_modules', '@event-driven-io', 'emmett-sqlite'));
  const dir = scratch();
  const open = () => getSQLiteEventStore({ fileName: join(dir, 'emmett.sqlite'), schema: { autoMigration: 'CreateOrUpdate' } });
  await open().appendToStream('warm-up', [{ type: 'BenchEvent', data: { n: 0 } }]);
  // One store per writer: a single Emmett SQLite store closes its connection under concurrent appends.
  const stores = Array.from({ length: writers }, open);
  let sent = 0;
  let busy = 0;
  let failed = false;
  const start = now();
  // On a failure every writer stops: a writer left looping would load the runs that follow.
  await Promise.all(
    stores.map(async (store, w) => {
      while (sent < total && !failed) {
        sent++;
        try {
          await store.appendToStream(`bench-${w}`, [{ type: 'BenchEvent', data: { n: sent } }]);
        } catch (error) {
          if (/SQLITE_BUSY/.test(String(error && error.message))) busy++;
          else {
            failed = true;
            throw error;
          }
        }
      }
    }),
  );
  if (busy > 0) process.stderr.write(`\nEmmett: ${busy} appends refused with SQLITE_BUSY at ${writers} writers\n`);
  const rate = (total - busy) / seconds(start);
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

/**
 * Rates swing by a fifth from one minute to the next on a shared machine, so the baseline and
 * Casetrail are measured in alternating rounds and each figure is the median of its rounds.
 */
async function appendsPhase(results) {
  const total = SIZES.appends;
  const rounds = 3;
  const rawRuns = [];
  const casetrailRuns = SIZES.writers.map(() => []);
  const threadRuns = SIZES.writers.map(() => []);
  const steps = rounds * (2 * SIZES.writers.length + 1) + SIZES.writers.length;
  let step = 0;
  for (let round = 0; round < rounds; round++) {
    progressBar('1/6 durable appends', step++, steps);
    rawRuns.push(rawAppends(total));
    for (const [i, writers] of SIZES.writers.entries()) {
      progressBar('1/6 durable appends', step++, steps);
      casetrailRuns[i].push(await casetrailAppends(writers, total, 'main'));
      progressBar('1/6 durable appends', step++, steps);
      threadRuns[i].push(await casetrailAppends(writers, total, 'worker'));
    }
  }
  const raw = percentile(rawRuns, 50);
  results.appends = { eventsPerRun: total, rounds, rawOneTransactionPerCommand: raw, rawRuns, byWriters: [] };
  for (const [i, writers] of SIZES.writers.entries()) {
    progressBar('1/6 durable appends', step++, steps);
    const casetrail = percentile(casetrailRuns[i], 50);
    const onThread = percentile(threadRuns[i], 50);
    let emmett = null;
    try {
      emmett = await emmettAppends(writers, Math.min(total, QUICK ? 1_000 : 5_000));
    } catch (error) {
      emmett = { error: String(error && error.message) };
    }
    results.appends.byWriters.push({
      writers, casetrail, casetrailRuns: casetrailRuns[i], emmett, vsRaw: casetrail / raw, vsEmmett: typeof emmett === 'number' ? casetrail / emmett : null,
      onCommitThread: onThread, onCommitThreadRuns: threadRuns[i], onCommitThreadVsRaw: onThread / raw,
    });
  }
  // Where Emmett's store fails under concurrent writers, compare with the best it managed at any
  // writer count: that is the most a team on it could get.
  const emmettRates = results.appends.byWriters.map((w) => w.emmett).filter((x) => typeof x === 'number');
  const bestEmmett = emmettRates.length ? Math.max(...emmettRates) : null;
  results.appends.bestEmmett = bestEmmett;
  for (const w of results.appends.byWriters) {
    if (w.vsEmmett === null && bestEmmett) w.vsBestEmmett = w.casetrail / bestEmmett;
  }
}

// ---------------------------------------------------------------- service helpers
async function startService(dataDir, extraEnv = {}) {
  const child = spawn(process.execPath, [join(ROOT, 'dist/apps/api/src/main.js')], {
    env: { PATH: process.env.PATH, CASETRAIL_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'error', CASETRAIL_DEMO: 'off', CASETRAIL_ESCALATION_INTERVAL_MS: '0', CASETRAIL_BENCH_ENDPOINTS: 'on', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const startedAt = now();
  const url = await new Promise((resolvePort, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const port = /"port":(\d+)/.exec(output);
      if (port) resolvePort(`http://127.0.0.1:${port[1]}`);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`service exited ${code}: ${output}`)));
  });
  const startupSeconds = seconds(startedAt);
  const { ensureLocalSigningKey, issueToken } = dist('libs/identity/src');
  const { loadSettings } = dist('libs/settings/src');
  const token = await issueToken(
    { userId: 'bench', displayName: 'Bench', agency: 'Bench', partnershipId: 'bench', roles: [] },
    await ensureLocalSigningKey(dataDir),
    loadSettings({ CASETRAIL_DATA_DIR: dataDir }).jwt,
  );
  return { child, url, token, startupSeconds, memory: () => memoryOf(child.pid), stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}

/** Resident and peak resident memory of a process, in MB (Linux /proc; null elsewhere). */
function memoryOf(pid) {
  try {
    const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8');
    const mb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)[1]) / 1024;
    return { rssMb: mb('VmRSS'), peakRssMb: mb('VmHWM') };
  } catch {
    return null;
  }
}

function cannon(options) {
  const autocannon = require(join(__dirname, 'node_modules', 'autocannon'));
  return new Promise((resolveRun, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolveRun(result))));
}
const latency = (result) => ({ requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, p999: result.latency.p99_9, errors: result.errors + result.non2xx });

// ---------------------------------------------------------------- 2. HTTP command path
async function httpPhase(results) {
  const slowDisk = FSYNC_DELAY_MS > 0 ? slowFsyncEnv(FSYNC_DELAY_MS) : {};
  // The service as it runs, then the baseline: the same with commits on the request thread.
  const service = await httpAgainst({ ...slowDisk, CASETRAIL_COMMITS_THREAD: 'worker' }, '');
  const commitsOnRequestThread = await httpAgainst({ ...slowDisk, CASETRAIL_COMMITS_THREAD: 'main' }, ' (commits on the request thread)');
  results.http = { connections: 32, seconds: SIZES.httpSeconds, fsyncDelayMs: FSYNC_DELAY_MS, ...service, commitsOnRequestThread };
  results.http.ratio = results.http.command.requestsPerSecond / results.http.bare.requestsPerSecond;
}

async function httpAgainst(env, label) {
  const dataDir = scratch();
  const service = await startService(dataDir, env);
  const headers = { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' };
  const referral = (n) => JSON.stringify({
    caseRef: `Bench ${n}`, occurredOn: '2020-01-02', referringAgency: 'Police', subjects: [{ pseudonym: `Child ${n}`, role: 'SUBJECT' }],
    incident: { type: 'SERIOUS_HARM', datePrecision: 'DAY', date: '2020-01-01' }, becameAwareOn: '2020-01-02', abuseOrNeglect: 'SUSPECTED', themes: ['NEGLECT'], summary: 'Bench',
  });
  let n = 0;
  // Every path the fixed rate takes, compiled before anything is measured: nothing before it
  // reads the case list, and its first seconds on a cold path held requests for 0.6-0.75 s.
  progressLine(`2/6 HTTP${label}: warming up at the fixed rate for ${SIZES.warmUpSeconds} s…`);
  const warmUp = await openLoop(service.url, headers, referral, SIZES.warmUpSeconds, 'warm-up');
  progressLine(`2/6 HTTP${label}: bare endpoint…`);
  const bare = await cannon({ url: `${service.url}/api/bench/noop`, method: 'POST', connections: 32, duration: SIZES.httpSeconds, headers, body: JSON.stringify({ note: 'x' }) });
  progressLine(`2/6 HTTP${label}: POST /api/cases…`);
  const command = await cannon({
    url: service.url, connections: 32, duration: SIZES.httpSeconds,
    requests: [{ method: 'POST', path: '/api/cases', headers, setupRequest: (req) => ({ ...req, headers: { ...headers, 'idempotency-key': `bench-${++n}` }, body: referral(n) }) }],
  });
  // For some seconds after the saturation run the service spends more of its time in GC (274 ms
  // of its first 5 s, 74-143 ms of later ones): started at once, the fixed rate's p99 measured
  // that recovery (commands 27-39 ms, against 19-26 after a pause), not a steady 200 + 800/s.
  progressLine(`2/6 HTTP${label}: settling ${SIZES.settleSeconds} s after the saturation run…`);
  await new Promise((resolveSettled) => setTimeout(resolveSettled, SIZES.settleSeconds * 1000));
  progressLine(`2/6 HTTP${label}: fixed rate (200 commands/s + 800 reads/s), with the projection lag meanwhile…`);
  let underLoad = true;
  const lagSampling = sampleLag(service.url, service.token, () => underLoad, 100);
  const fixedRate = await openLoop(service.url, headers, referral, SIZES.fixedRateSeconds);
  underLoad = false;
  const fixedRateLag = await lagSampling;
  await service.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return { warmUp, bare: latency(bare), command: latency(command), fixedRate, fixedRateLag };
}

/**
 * Projection lag, from a command's acknowledgement to the read models having its position: a
 * referral is sent, then a read asks for that position (read-your-writes, waiting up to 5 s).
 * One sample at a time, on a connection of their own, while `another(i)` says so, `pauseMs` apart.
 */
async function sampleLag(url, token, another, pauseMs = 0) {
  const lags = [];
  for (let i = 0; another(i); i++) {
    if (pauseMs) await new Promise((resolvePause) => setTimeout(resolvePause, pauseMs));
    const res = await fetch(`${url}/api/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ caseRef: `Lag ${i}`, occurredOn: '2020-01-02', referringAgency: 'Police', subjects: [{ pseudonym: `Child L${i}`, role: 'SUBJECT' }], incident: { type: 'OTHER', datePrecision: 'DAY' }, becameAwareOn: '2020-01-02', abuseOrNeglect: 'SUSPECTED', themes: [], summary: 'Lag' }),
    });
    const { position } = await res.json();
    const acknowledged = now();
    const wait = await fetch(`${url}/api/stats/event-counts?minPosition=${position}&waitMs=5000`, { headers: { authorization: `Bearer ${token}` } });
    await wait.arrayBuffer();
    if (wait.status === 200) lags.push(seconds(acknowledged) * 1000);
  }
  return { samples: lags.length, p50ms: percentile(lags, 50), p99ms: percentile(lags, 99) };
}

/** Builds bench/slow-fsync.c and returns the environment that preloads it. */
function slowFsyncEnv(delayMs) {
  const library = join(scratch(), 'slow-fsync.so');
  const built = spawnSync('cc', ['-shared', '-fPIC', '-O2', '-o', library, join(__dirname, 'slow-fsync.c'), '-ldl'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('--fsync-delay-ms needs a C compiler (cc) to build bench/slow-fsync.c');
  return { LD_PRELOAD: library, FSYNC_DELAY_US: String(Math.round(delayMs * 1000)) };
}

/**
 * An open-loop load: requests leave on a fixed schedule whether or not earlier ones have been
 * answered, and each latency is counted from its scheduled time, not from when it could be sent,
 * which corrects for coordinated omission (a stalled server is not allowed to slow the clock).
 * The client is node:http with keep-alive (fetch cost more CPU than the service it measured),
 * and it reports how late it sent: a late client would understate nothing, since latency counts
 * from the schedule, but it would mean the machine, not the service, set the pace.
 */
async function openLoop(url, headers, referral, durationSeconds, run = 'fixed') {
  const http = require('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  // A request unanswered within 2 s is an error, so a saturated service cannot stretch the run.
  const TIMEOUT_MS = 2_000;
  const send = (path, method, extraHeaders, body) =>
    new Promise((resolveStatus) => {
      const req = http.request(`${url}${path}`, { method, agent, headers: { ...headers, ...extraHeaders, ...(body && { 'content-length': Buffer.byteLength(body) }) } }, (res) => {
        res.resume();
        res.on('end', () => { clearTimeout(timer); resolveStatus(res.statusCode); });
      });
      const timer = setTimeout(() => req.destroy(new Error('timeout')), TIMEOUT_MS);
      req.on('error', () => { clearTimeout(timer); resolveStatus(0); });
      req.end(body);
    });
  const plan = [
    { name: 'commands', perSecond: 200, send: (i) => send('/api/cases', 'POST', { 'content-type': 'application/json', 'idempotency-key': `${run}-${i}` }, referral(`${run} ${i}`)) },
    { name: 'reads', perSecond: 800, send: () => send('/api/cases?pageSize=20', 'GET', {}) },
  ];
  const started = Date.now() + 100;
  const out = {};
  await Promise.all(
    plan.map(async ({ name, perSecond, send: sendOne }) => {
      const latencies = [];
      const sendLag = [];
      let errors = 0;
      const inFlight = [];
      const total = perSecond * durationSeconds;
      for (let i = 0; i < total; i++) {
        const scheduled = started + (i * 1000) / perSecond;
        const wait = scheduled - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        sendLag.push(Math.max(0, Date.now() - scheduled));
        inFlight.push(
          sendOne(i).then((status) => {
            if (!(status >= 200 && status < 400)) errors++;
            latencies.push(Date.now() - scheduled);
          }),
        );
      }
      await Promise.all(inFlight);
      out[name] = {
        perSecond, sent: total, errors, timeoutMs: TIMEOUT_MS, p50: percentile(latencies, 50), p99: percentile(latencies, 99), p999: percentile(latencies, 99.9),
        clientSendLagP99: percentile(sendLag, 99),
      };
    }),
  );
  agent.destroy();
  return out;
}

// ---------------------------------------------------------------- 3–5. rebuild, queries, lag
async function dataPhases(results) {
  const dataDir = scratch();
  const { SqliteEventStore } = dist('libs/event-store/src');
  const { ProjectionRunner, ReadModelStore, allProjections } = dist('libs/projections/src');
  const { generate } = require('./generate.cjs');
  const store = new SqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  const generated = await generate(store, SIZES.rebuildEvents, { onProgress: (d, t) => progressBar('3/6 generating events', d, t) });
  const { reviewedCaseId, bigCaseId } = generated;
  const readModels = new ReadModelStore(join(dataDir, 'read-models.sqlite'));
  const runner = new ProjectionRunner(store, readModels, allProjections, { batchSize: 2_000 });
  progressLine('3/6 rebuilding every read model in one pass…');
  const startAll = now();
  await runner.rebuildAll();
  const allSeconds = seconds(startAll);
  const rebuilds = {};
  for (const [i, projection] of allProjections.entries()) {
    progressBar(`3/6 rebuilding ${projection.name} alone`, i, allProjections.length);
    const start = now();
    await runner.rebuild(projection.name);
    rebuilds[projection.name] = generated.events / seconds(start);
  }
  readModels.close();
  await store.close();
  results.rebuild = { events: generated.events, cases: generated.cases, eventsPerSecondAllReadModels: generated.events / allSeconds, eventsPerSecondByReadModel: rebuilds };

  const service = await startService(dataDir);
  results.startup = { events: generated.events, seconds: service.startupSeconds, memory: service.memory() };
  const headers = { authorization: `Bearer ${service.token}` };
  // The queries of issue #6 §4. Each is measured twice: one connection at a time gives the
  // latency a user sees (the target); eight give the throughput. With eight closed-loop
  // connections the latency is mostly queueing (Little's law: connections / throughput).
  const queries = {
    overdueNowFiltered: { path: '/api/actions/overdue?agency=Police', targetMs: 10 },
    overdueNowAll: { path: '/api/actions/overdue', targetMs: 10 },
    overduePastFiltered: { path: '/api/actions/overdue?asOf=2020-06-30&agency=Police', targetMs: 10 },
    caseHistory: { path: `/api/cases/${reviewedCaseId}/history`, targetMs: 5 },
    caseHistory1000Events: { path: `/api/cases/${bigCaseId}/history`, targetMs: null },
    caseAsOf1000Events: { path: `/api/cases/${bigCaseId}?asOf=2024-01-01`, targetMs: 10 },
    progressReportOneReview: { path: `/api/reports/progress?caseId=${reviewedCaseId}`, targetMs: 10 },
    progressReportAllReviews: { path: '/api/reports/progress', targetMs: 10 },
    caseList: { path: '/api/cases?pageSize=50', targetMs: null },
    // Reports and registers issue #6 does not name, measured so their cost at scale is known.
    // They run last: the peak RSS of the target is taken before them, and again after.
    annualReport: { path: '/api/reports/annual?from=2019-04-01&to=2020-03-31', targetMs: null, unnamed: true },
    dataQualityQueue: { path: '/api/reports/data-quality', targetMs: null, unnamed: true },
    dataQualityQueueAsKnown: { path: '/api/reports/data-quality?asOf=2024-01-01&mode=known', targetMs: null, unnamed: true },
    unplannedAndRepeated: { path: '/api/reports/unplanned-and-repeated-recommendations', targetMs: null, unnamed: true },
    learningThemes: { path: '/api/reports/learning-themes', targetMs: null, unnamed: true },
  };
  results.queries = {};
  const names = Object.keys(queries);
  for (const [i, name] of names.entries()) {
    progressBar(`4/6 queries (${name})`, i, names.length);
    const { path, targetMs, unnamed } = queries[name];
    if (unnamed && !results.memoryAfterQueries) results.memoryAfterQueries = service.memory();
    const url = `${service.url}${path}`;
    // A first request waits out whatever the previous query left queued; the second is timed.
    await (await fetch(url, { headers })).arrayBuffer();
    const probeStart = now();
    const probe = await fetch(url, { headers });
    const bytes = (await probe.arrayBuffer()).byteLength;
    const probeMs = seconds(probeStart) * 1000;
    if (probe.status !== 200) throw new Error(`${path} answered ${probe.status}`);
    if (probeMs > SIZES.querySeconds * 1000) {
      // Slower than the whole run: autocannon would finish none. One timed answer is all there is.
      results.queries[name] = { path, targetMs, bytes, samples: 1, p50: Math.round(probeMs), p99: Math.round(probeMs), p999: Math.round(probeMs), requestsPerSecondAt8: null, p99At8: null, errors: 0 };
      continue;
    }
    const serial = await cannon({ url, connections: 1, duration: SIZES.querySeconds, headers, timeout: 60 });
    if (serial.requests.total === 0) throw new Error(`${path}: no answer within ${SIZES.querySeconds} s`);
    // A query taking over a second alone is not run eight at a time: that would only measure
    // the queue, and hold eight copies of its working set.
    const loaded = serial.latency.p50 <= 1_000 ? await cannon({ url, connections: 8, duration: SIZES.querySeconds, headers, timeout: 60 }) : null;
    results.queries[name] = {
      path, targetMs, bytes, samples: serial.requests.total, p50: serial.latency.p50, p99: serial.latency.p99, p999: serial.latency.p99_9,
      requestsPerSecondAt8: loaded?.requests.average ?? null, p99At8: loaded?.latency.p99 ?? null,
      errors: serial.errors + serial.non2xx + (loaded ? loaded.errors + loaded.non2xx : 0),
    };
  }

  progressLine('4/6 an overdue list while reports are built…');
  const onReportThread = await whileReportsBuilt(service, headers);

  // 5. Lag at this size with no other load (under load, it is measured in the HTTP phase).
  const lag = await sampleLag(service.url, service.token, (i) => {
    progressBar('5/6 projection lag', i, SIZES.lagSamples);
    return i < SIZES.lagSamples;
  });
  results.memoryAtEnd = service.memory();
  await service.stop();
  // The baseline: the same, with the reports built on the request thread.
  progressLine('4/6 an overdue list while reports are built on the request thread…');
  const baseline = await startService(dataDir, { CASETRAIL_REPORTS_THREAD: 'main' });
  const onRequestThread = await whileReportsBuilt(baseline, { authorization: `Bearer ${baseline.token}` });
  await baseline.stop();
  results.whileReportsBuilt = { onReportThread, onRequestThread };
  rmSync(dataDir, { recursive: true, force: true });
  results.lag = lag;
}

/**
 * What a manager's overdue list waits while the Executive's reports are built (issue #6 does not
 * name this): the annual report and eight requests for each of three registers at once, with the
 * list asked for every 10 ms meanwhile. Measured with the reports on their own thread (the
 * default) and, as the baseline, on the request thread (CASETRAIL_REPORTS_THREAD=main).
 */
async function whileReportsBuilt(service, headers) {
  const get = async (path) => {
    const start = now();
    const res = await fetch(`${service.url}${path}`, { headers });
    await res.arrayBuffer();
    return { ms: seconds(start) * 1000, status: res.status };
  };
  const probePath = '/api/actions/overdue?agency=Police';
  const quiet = [];
  for (let i = 0; i < 100; i++) quiet.push((await get(probePath)).ms);
  const registers = ['data-quality', 'unplanned-and-repeated-recommendations', 'learning-themes'];
  const reports = ['annual?from=2019-04-01&to=2020-03-31', ...registers.flatMap((name) => Array(8).fill(name))];
  const during = [];
  let building = true;
  const prober = (async () => {
    while (building) {
      during.push((await get(probePath)).ms);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const start = now();
  const answers = await Promise.all(reports.map((path) => get(`/api/reports/${path}`)));
  const wallMs = seconds(start) * 1000;
  building = false;
  await prober;
  const summary = (values) => ({ samples: values.length, p50: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values) });
  return { probePath, reports: reports.length, wallMs, notOk: answers.filter((a) => a.status !== 200).length, quiet: summary(quiet), during: summary(during) };
}

// ---------------------------------------------------------------- 6. growth
/**
 * One event store grown step by step with the realistic mix; at each size, the durable append
 * rate (32 writers, single-event commands, median of three runs) and the p99 of reading a reviewed case's streams
 * (the log read behind history and as-of answers), each compared with the first size.
 */
async function growthPhase(results) {
  const { SqliteEventStore } = dist('libs/event-store/src');
  const { createGenerator } = require('./generate.cjs');
  const dir = scratch();
  const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
  const generator = createGenerator(store, { seed: 7 });
  results.growth = [];
  const started = now();
  for (const size of SIZES.growth) {
    await generator.growTo(size, (d) => progressBar(`6/6 growth: generating to ${size.toLocaleString('en-GB')}`, d, size));
    progressLine(`6/6 growth at ${size.toLocaleString('en-GB')} events: appends and reads…`);
    // The median of three runs: the first after a burst of generation reads low.
    const rates = [];
    for (const run of [1, 2, 3]) rates.push(await appendRate(store, 32, SIZES.growthAppends, `growth-${size}-${run}`));
    const appendsPerSecond = percentile(rates, 50);
    const random = require('./generate.cjs').prng(size);
    const reads = [];
    for (let i = 0; i < SIZES.growthReads; i++) {
      // A reviewed case: about 15% of cases; read its stream and its actions' streams.
      const caseNumber = Math.floor(random() * (generator.counts.cases - 1));
      const start = now();
      const caseEvents = await store.readStream(`case-bench-${caseNumber}`);
      const actions = caseEvents.filter((e) => e.type === 'RecommendationAdded').length;
      for (let a = 1; a <= actions; a++) await store.readStream(`action-bench-${caseNumber}-A${a}`);
      reads.push(seconds(start) * 1000);
    }
    const { size: bytes } = require('node:fs').statSync(join(dir, 'events.sqlite'));
    results.growth.push({
      events: generator.counts.events, appendsPerSecond, caseReadP50ms: percentile(reads, 50), caseReadP99ms: percentile(reads, 99),
      fileMb: bytes / 1e6, elapsedSeconds: seconds(started),
    });
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  const [first] = results.growth;
  for (const g of results.growth) g.appendRateVsFirst = g.appendsPerSecond / first.appendsPerSecond;
}

// ---------------------------------------------------------------- report
function targets(r) {
  const list = [];
  if (r.appends) {
    const at32 = r.appends.byWriters.find((w) => w.writers === 32);
    list.push(
      [
        'Appends at 32 writers ≥ 3× raw better-sqlite3 (one fsync per command), committing on the appending thread and on a commit thread',
        `${at32.vsRaw.toFixed(2)}× and ${at32.onCommitThreadVsRaw.toFixed(2)}×`,
        at32.vsRaw >= 3 && at32.onCommitThreadVsRaw >= 3,
      ],
      at32.vsEmmett !== null
        ? ['Appends at 32 writers ≥ 10× Emmett SQLite', `${at32.vsEmmett.toFixed(1)}×`, at32.vsEmmett >= 10]
        : ['Appends at 32 writers ≥ 10× Emmett SQLite (Emmett fails with concurrent writers: vs its best rate)', at32.vsBestEmmett ? `${at32.vsBestEmmett.toFixed(1)}×` : 'n/a', (at32.vsBestEmmett ?? 0) >= 10],
    );
  }
  if (r.http) {
    const fr = r.http.fixedRate;
    list.push(
      ['POST command ≥ 50% of the bare endpoint (32 connections)', `${(r.http.ratio * 100).toFixed(0)}%`, r.http.ratio >= 0.5],
      ['POST command p99 ≤ 20 ms', `${r.http.command.p99} ms`, r.http.command.p99 <= 20],
      ['Fixed rate (200 commands/s + 800 reads/s): command p99 ≤ 20 ms, no errors', `${fr.commands.p99} ms, ${fr.commands.errors + fr.reads.errors} errors`, fr.commands.p99 <= 20 && fr.commands.errors + fr.reads.errors === 0],
      ['Projection lag p99 ≤ 100 ms under load (during the fixed rate)', `${r.http.fixedRateLag.p99ms.toFixed(1)} ms`, r.http.fixedRateLag.p99ms <= 100],
    );
  }
  if (r.rebuild) {
    const size = `${r.rebuild.events.toLocaleString('en-GB')} events`;
    list.push(
      ['Rebuild of all read models ≥ 100k events/s', `${Math.round(r.rebuild.eventsPerSecondAllReadModels)}/s`, r.rebuild.eventsPerSecondAllReadModels >= 100_000],
      ...Object.entries(r.queries)
        .filter(([, q]) => q.targetMs !== null)
        .map(([name, q]) => [`${name} p99 ≤ ${q.targetMs} ms (one connection, ${size})`, `${q.p99} ms${q.samples === 1 ? ' (one answer)' : ''}`, q.p99 <= q.targetMs]),
      [`Projection lag p99 ≤ 100 ms at ${size}, no other load`, `${r.lag.p99ms.toFixed(1)} ms`, r.lag.p99ms <= 100],
      [`Start-up ≤ 2 s at ${size}`, `${r.startup.seconds.toFixed(2)} s`, r.startup.seconds <= 2],
      [`RSS ≤ 300 MB at ${size} (peak, after the queries)`, r.memoryAfterQueries ? `${Math.round(r.memoryAfterQueries.peakRssMb)} MB` : 'n/a', (r.memoryAfterQueries?.peakRssMb ?? Infinity) <= 300],
    );
  }
  if (r.growth) list.push(growthTarget(r));
  return list;
}

function growthTarget(r) {
  const last = r.growth.at(-1);
  const name = `Append rate at ${last.events.toLocaleString('en-GB')} events ≥ 80% of the rate at ${r.growth[0].events.toLocaleString('en-GB')}${last.events < 10_000_000 ? ' (the issue asks 10M: quick runs stop sooner)' : ''}`;
  return [name, `${(last.appendRateVsFirst * 100).toFixed(0)}%`, last.appendRateVsFirst >= 0.8];
}

function markdown(r) {
  const lines = [`# Casetrail benchmark (${r.mode}${ONLY_PHASES ? `, phases ${ONLY_PHASES.join(', ')}` : ''}, ${r.startedAt})`, '', `Machine: ${r.machine.cpus}× ${r.machine.cpu}, ${r.machine.memoryGb} GB, ${r.machine.os}; Node ${r.machine.node}`, ''];
  if (r.appends) appendsMarkdown(r, lines);
  if (r.http) httpMarkdown(r, lines);
  if (r.rebuild) dataMarkdown(r, lines);
  if (r.growth) growthMarkdown(r, lines);
  lines.push('', '## Targets', '', '| target | measured | met |', '|---|---|---|');
  for (const [name, measured, met] of r.targets) lines.push(`| ${name} | ${measured} | ${met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

function appendsMarkdown(r, lines) {
  const runs = (rates) => rates.map((x) => Math.round(x)).join(', ');
  lines.push('## Durable appends (single-event commands, synchronous=FULL)', '', `Medians of ${r.appends.rounds} alternating rounds of ${r.appends.eventsPerRun.toLocaleString('en-GB')} appends (Emmett: one run).`, '');
  lines.push(`Raw better-sqlite3, one transaction per command: ${Math.round(r.appends.rawOneTransactionPerCommand)}/s (runs ${runs(r.appends.rawRuns)})`, '');
  lines.push('Casetrail commits on the appending thread (the store\'s default), and on a commit thread of its own, as the service runs it.', '');
  lines.push('| writers | Casetrail /s | runs | × raw | on a commit thread /s | runs | × raw | Emmett SQLite /s | × Emmett |', '|---|---|---|---|---|---|---|---|---|');
  for (const w of r.appends.byWriters) {
    const emmett = typeof w.emmett === 'number' ? Math.round(w.emmett) : `error: ${w.emmett.error}`;
    const versus = w.vsEmmett ? w.vsEmmett.toFixed(1) : w.vsBestEmmett ? `${w.vsBestEmmett.toFixed(1)} (vs its best)` : 'n/a';
    lines.push(`| ${w.writers} | ${Math.round(w.casetrail)} | ${runs(w.casetrailRuns)} | ${w.vsRaw.toFixed(2)} | ${Math.round(w.onCommitThread)} | ${runs(w.onCommitThreadRuns)} | ${w.onCommitThreadVsRaw.toFixed(2)} | ${emmett} | ${versus} |`);
  }
}

function httpMarkdown(r, lines) {
  const base = r.http.commitsOnRequestThread;
  const disk = r.http.fsyncDelayMs ? `, every fsync slowed by ${r.http.fsyncDelayMs} ms` : '';
  lines.push('', `## HTTP (32 connections${disk})`, '', 'The service commits appends on a thread of its own; the baseline is the same service committing on the request thread (`CASETRAIL_COMMITS_THREAD=main`).', '');
  lines.push('| endpoint | req/s | p50 ms | p99 ms | p99.9 ms | errors |', '|---|---|---|---|---|---|');
  const rows = [['bare (same app, no append)', r.http.bare], ['POST /api/cases', r.http.command]];
  if (base) rows.push(['bare, baseline service', base.bare], ['POST /api/cases, commits on the request thread', base.command]);
  for (const [name, x] of rows) lines.push(`| ${name} | ${Math.round(x.requestsPerSecond)} | ${x.p50} | ${x.p99} | ${x.p999} | ${x.errors} |`);
  lines.push('', `Fixed rate for ${r.sizes.fixedRateSeconds} s, ${r.sizes.settleSeconds} s after the saturation run, latency from each request's scheduled time (corrected for coordinated omission; a request unanswered after 2 s is an error):`, '', '| stream | rate /s | p50 ms | p99 ms | p99.9 ms | errors | client sent late by (p99 ms) |', '|---|---|---|---|---|---|---|');
  const streams = Object.entries(r.http.fixedRate);
  if (base) streams.push(...Object.entries(base.fixedRate).map(([name, x]) => [`${name}, commits on the request thread`, x]));
  for (const [name, x] of streams) lines.push(`| ${name} | ${x.perSecond} | ${x.p50} | ${x.p99} | ${x.p999} | ${x.errors} | ${x.clientSendLagP99} |`);
  const warm = (x) => `commands p99 ${x.commands.p99} ms, reads p99 ${x.reads.p99} ms, ${x.commands.errors + x.reads.errors} errors`;
  lines.push('', `Before the saturation runs, each service was warmed up for ${r.sizes.warmUpSeconds} s at the same rates, not counted above: ${warm(r.http.warmUp)}${base ? `; commits on the request thread: ${warm(base.warmUp)}` : ''}.`);
  const lag = (x) => `p50 ${x.p50ms.toFixed(1)} ms, p99 ${x.p99ms.toFixed(1)} ms over ${x.samples} commands`;
  lines.push('', `Projection lag during the fixed rate (ack → visible; a referral every 100 ms on a connection of its own, then a read waiting for its position): ${lag(r.http.fixedRateLag)}${base ? `; commits on the request thread: ${lag(base.fixedRateLag)}` : ''}.`);
}

function dataMarkdown(r, lines) {
  lines.push('', `## Rebuild: ${r.rebuild.events} events (${r.rebuild.cases} cases), all read models in one pass ${Math.round(r.rebuild.eventsPerSecondAllReadModels)} events/s; each alone:`, '');
  for (const [name, rate] of Object.entries(r.rebuild.eventsPerSecondByReadModel)) lines.push(`- ${name}: ${Math.round(rate)} events/s`);
  lines.push('', `## Queries at ${r.rebuild.events.toLocaleString('en-GB')} events (${r.rebuild.cases.toLocaleString('en-GB')} cases)`, '');
  lines.push('Latency with one connection (what a user waits); throughput and p99 with eight closed-loop connections, where the p99 is mostly queueing.', '');
  lines.push('| query | bytes | p50 ms | p99 ms | p99.9 ms | target p99 | req/s at 8 | p99 at 8 |', '|---|---|---|---|---|---|---|---|');
  for (const [name, q] of Object.entries(r.queries)) lines.push(`| ${name} \`${q.path}\` | ${q.bytes} | ${q.p50} | ${q.p99} | ${q.p999} | ${q.targetMs === null ? '–' : `${q.targetMs} ms`} | ${q.requestsPerSecondAt8 === null ? 'not run' : Math.round(q.requestsPerSecondAt8)} | ${q.p99At8 ?? '–'} |`);
  lines.push('', `Projection lag with no other load (ack → visible): p50 ${r.lag.p50ms.toFixed(1)} ms, p99 ${r.lag.p99ms.toFixed(1)} ms over ${r.lag.samples} commands. Start-up at ${r.startup.events.toLocaleString('en-GB')} events: ${r.startup.seconds.toFixed(2)} s, RSS ${r.startup.memory ? Math.round(r.startup.memory.rssMb) : 'n/a'} MB; peak RSS after the queries ${r.memoryAfterQueries ? Math.round(r.memoryAfterQueries.peakRssMb) : 'n/a'} MB, after the reports and registers issue #6 does not name ${r.memoryAtEnd ? Math.round(r.memoryAtEnd.peakRssMb) : 'n/a'} MB.`);
  const w = r.whileReportsBuilt;
  if (w) {
    const { onReportThread: thread, onRequestThread: main } = w;
    lines.push('', `While ${thread.reports} reports were built at once (the annual report, eight requests for each of three registers), \`${thread.probePath}\` was asked every 10 ms:`, '');
    lines.push('| reports built | list alone p50 / p99 ms | list meanwhile p50 / p99 / max ms | samples | reports took ms | not 200 |', '|---|---|---|---|---|---|');
    const row = (label, x) => `| ${label} | ${x.quiet.p50.toFixed(1)} / ${x.quiet.p99.toFixed(1)} | ${x.during.p50.toFixed(1)} / ${x.during.p99.toFixed(1)} / ${x.during.max.toFixed(0)} | ${x.during.samples} | ${Math.round(x.wallMs)} | ${x.notOk} |`;
    lines.push(row('on their own thread', thread), row('on the request thread (baseline)', main));
    lines.push('', `The list's p99 meanwhile: ${(main.during.p99 / thread.during.p99).toFixed(1)}× lower on the report thread.`);
  }
}

function growthMarkdown(r, lines) {
  lines.push('', '## Growth (one store grown with the realistic mix)', '', '| events | file MB | appends/s (32 writers) | × first size | case read p50 ms | case read p99 ms |', '|---|---|---|---|---|---|');
  for (const g of r.growth) lines.push(`| ${g.events.toLocaleString('en-GB')} | ${Math.round(g.fileMb)} | ${Math.round(g.appendsPerSecond)} | ${g.appendRateVsFirst.toFixed(2)} | ${g.caseReadP50ms.toFixed(2)} | ${g.caseReadP99ms.toFixed(2)} |`);
}

async function main() {
  ensureInstalled();
  build();
  const results = {
    mode: QUICK ? 'quick' : 'full',
    startedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 1e9), os: `${platform()} ${release()}`, node: process.version },
    versions: {
      casetrail: require(join(ROOT, 'package.json')).version,
      betterSqlite3: require(join(ROOT, 'node_modules/better-sqlite3/package.json')).version,
      emmettSqlite: require(join(__dirname, 'node_modules/@event-driven-io/emmett-sqlite/package.json')).version,
      autocannon: require(join(__dirname, 'node_modules/autocannon/package.json')).version,
    },
    sizes: SIZES,
  };
  const phases = ONLY_PHASES ?? ['appends', 'http', 'data', 'growth'];
  if (phases.includes('appends')) await appendsPhase(results);
  if (phases.includes('http')) await httpPhase(results);
  if (phases.includes('data')) await dataPhases(results);
  if (phases.includes('growth')) await growthPhase(results);
  results.targets = targets(results);
  progressLine('');
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  writeFileSync(join(dir, `${stamp}.json`), JSON.stringify(results, null, 2));
  const md = markdown(results);
  writeFileSync(join(dir, `${stamp}.md`), md);
  console.log(md);
  console.log(`\nResults: bench/results/${stamp}.{json,md}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
