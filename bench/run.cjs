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
const SIZES = QUICK
  ? { appends: 3_000, writers: [1, 8, 32, 128], httpSeconds: 5, fixedRateSeconds: 10, rebuildEvents: 50_000, querySeconds: 3, lagSamples: 100 }
  : { appends: 20_000, writers: [1, 8, 32, 128], httpSeconds: 20, fixedRateSeconds: 60, rebuildEvents: 1_000_000, querySeconds: 10, lagSamples: 500 };

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

async function casetrailAppends(writers, total) {
  const { SqliteEventStore } = dist('libs/event-store/src');
  const dir = scratch();
  const store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
  let sent = 0;
  const start = now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      let version = 0n;
      while (sent < total) {
        sent++;
        const result = await store.append(`bench-${w}`, version === 0n ? 'no_stream' : version, [
          { eventId: randomUUID(), type: 'BenchEvent', schemaVersion: 1, data: { n: sent }, metadata: metadata() },
        ]);
        version = result.version;
      }
    }),
  );
  const rate = total / seconds(start);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
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

async function appendsPhase(results) {
  const total = SIZES.appends;
  progressLine('1/5 durable appends: raw better-sqlite3 baseline…');
  const raw = rawAppends(total);
  results.appends = { eventsPerRun: total, rawOneTransactionPerCommand: raw, byWriters: [] };
  for (const [i, writers] of SIZES.writers.entries()) {
    progressBar('1/5 durable appends', i, SIZES.writers.length);
    const casetrail = await casetrailAppends(writers, total);
    let emmett = null;
    try {
      emmett = await emmettAppends(writers, Math.min(total, QUICK ? 1_000 : 5_000));
    } catch (error) {
      emmett = { error: String(error && error.message) };
    }
    results.appends.byWriters.push({ writers, casetrail, emmett, vsRaw: casetrail / raw, vsEmmett: typeof emmett === 'number' ? casetrail / emmett : null });
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
  return { child, url, token, startupSeconds, stop: () => new Promise((r) => { child.once('exit', r); child.kill('SIGTERM'); }) };
}

function cannon(options) {
  const autocannon = require(join(__dirname, 'node_modules', 'autocannon'));
  return new Promise((resolveRun, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolveRun(result))));
}
const latency = (result) => ({ requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, p999: result.latency.p99_9, errors: result.errors + result.non2xx });

// ---------------------------------------------------------------- 2. HTTP command path
async function httpPhase(results) {
  const dataDir = scratch();
  const service = await startService(dataDir);
  const headers = { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' };
  const referral = (n) => JSON.stringify({
    caseRef: `Bench ${n}`, occurredOn: '2020-01-02', referringAgency: 'Police', subjects: [{ pseudonym: `Child ${n}`, role: 'SUBJECT' }],
    incident: { type: 'SERIOUS_HARM', datePrecision: 'DAY', date: '2020-01-01' }, becameAwareOn: '2020-01-02', abuseOrNeglect: 'SUSPECTED', themes: ['NEGLECT'], summary: 'Bench',
  });
  let n = 0;
  progressLine('2/5 HTTP: bare endpoint…');
  const bare = await cannon({ url: `${service.url}/api/bench/noop`, method: 'POST', connections: 32, duration: SIZES.httpSeconds, headers, body: JSON.stringify({ note: 'x' }) });
  progressLine('2/5 HTTP: POST /api/cases…');
  const command = await cannon({
    url: service.url, connections: 32, duration: SIZES.httpSeconds,
    requests: [{ method: 'POST', path: '/api/cases', headers, setupRequest: (req) => ({ ...req, headers: { ...headers, 'idempotency-key': `bench-${++n}` }, body: referral(n) }) }],
  });
  progressLine('2/5 HTTP: fixed rate (200 commands/s + 800 reads/s)…');
  const fixedRate = await openLoop(service.url, headers, referral, SIZES.fixedRateSeconds);
  await service.stop();
  rmSync(dataDir, { recursive: true, force: true });
  results.http = { connections: 32, seconds: SIZES.httpSeconds, bare: latency(bare), command: latency(command), fixedRate };
  results.http.ratio = results.http.command.requestsPerSecond / results.http.bare.requestsPerSecond;
}

/**
 * An open-loop load: requests leave on a fixed schedule whether or not earlier ones have been
 * answered, and each latency is counted from its scheduled time, not from when it could be sent,
 * which corrects for coordinated omission (a stalled server is not allowed to slow the clock).
 */
async function openLoop(url, headers, referral, durationSeconds) {
  const plan = [
    { name: 'commands', perSecond: 200, send: (i) => fetch(`${url}/api/cases`, { method: 'POST', headers: { ...headers, 'idempotency-key': `fixed-${i}` }, body: referral(`F${i}`) }) },
    { name: 'reads', perSecond: 800, send: () => fetch(`${url}/api/cases?pageSize=20`, { headers }) },
  ];
  const started = Date.now();
  const out = {};
  await Promise.all(
    plan.map(async ({ name, perSecond, send }) => {
      const latencies = [];
      let errors = 0;
      const inFlight = [];
      const total = perSecond * durationSeconds;
      for (let i = 0; i < total; i++) {
        const scheduled = started + (i * 1000) / perSecond;
        const wait = scheduled - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        inFlight.push(
          send(i)
            .then(async (res) => {
              await res.arrayBuffer();
              if (res.status >= 400) errors++;
            })
            .catch(() => errors++)
            .finally(() => latencies.push(Date.now() - scheduled)),
        );
      }
      await Promise.all(inFlight);
      out[name] = { perSecond, sent: total, errors, p50: percentile(latencies, 50), p99: percentile(latencies, 99), p999: percentile(latencies, 99.9) };
    }),
  );
  return out;
}

// ---------------------------------------------------------------- 3–5. rebuild, queries, lag
async function dataPhases(results) {
  const dataDir = scratch();
  const { SqliteEventStore } = dist('libs/event-store/src');
  const { ProjectionRunner, ReadModelStore, allProjections } = dist('libs/projections/src');
  const { generate } = require('./generate.cjs');
  const store = new SqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  const generated = await generate(store, SIZES.rebuildEvents, { onProgress: (d, t) => progressBar('3/5 generating events', d, t) });
  const readModels = new ReadModelStore(join(dataDir, 'read-models.sqlite'));
  const runner = new ProjectionRunner(store, readModels, allProjections, { batchSize: 2_000 });
  progressLine('3/5 rebuilding every read model in one pass…');
  const startAll = now();
  await runner.rebuildAll();
  const allSeconds = seconds(startAll);
  const rebuilds = {};
  for (const [i, projection] of allProjections.entries()) {
    progressBar(`3/5 rebuilding ${projection.name} alone`, i, allProjections.length);
    const start = now();
    await runner.rebuild(projection.name);
    rebuilds[projection.name] = generated.events / seconds(start);
  }
  readModels.close();
  await store.close();
  results.rebuild = { events: generated.events, cases: generated.cases, eventsPerSecondAllReadModels: generated.events / allSeconds, eventsPerSecondByReadModel: rebuilds };

  const service = await startService(dataDir);
  results.startup = { events: generated.events, seconds: service.startupSeconds };
  const headers = { authorization: `Bearer ${service.token}` };
  const queries = {
    overdueActions: '/api/actions/overdue?asOf=2020-06-30&agency=Police',
    caseHistory: '/api/cases/bench-7/history',
    caseAsOf: '/api/cases/bench-7?asOf=2020-01-01',
    caseList: '/api/cases?pageSize=50',
  };
  results.queries = {};
  for (const [i, [name, path]] of Object.entries(queries).entries()) {
    progressBar('4/5 queries', i, Object.keys(queries).length);
    results.queries[name] = latency(await cannon({ url: `${service.url}${path}`, connections: 8, duration: SIZES.querySeconds, headers }));
  }

  // 5. Lag: from a command's acknowledgement to the read models having its position.
  const lags = [];
  for (let i = 0; i < SIZES.lagSamples; i++) {
    progressBar('5/5 projection lag', i, SIZES.lagSamples);
    const res = await fetch(`${service.url}/api/cases`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ caseRef: `Lag ${i}`, occurredOn: '2020-01-02', referringAgency: 'Police', subjects: [{ pseudonym: `Child L${i}`, role: 'SUBJECT' }], incident: { type: 'OTHER', datePrecision: 'DAY' }, becameAwareOn: '2020-01-02', abuseOrNeglect: 'SUSPECTED', themes: [], summary: 'Lag' }),
    });
    const { position } = await res.json();
    const acknowledged = now();
    const wait = await fetch(`${service.url}/api/stats/event-counts?minPosition=${position}&waitMs=5000`, { headers });
    if (wait.status === 200) lags.push(seconds(acknowledged) * 1000);
  }
  const memory = await (await fetch(`${service.url}/health`)).json();
  await service.stop();
  rmSync(dataDir, { recursive: true, force: true });
  results.lag = { samples: lags.length, p50ms: percentile(lags, 50), p99ms: percentile(lags, 99) };
  results.health = memory.status;
}

// ---------------------------------------------------------------- report
function targets(r) {
  const at32 = r.appends.byWriters.find((w) => w.writers === 32);
  return [
    ['Appends at 32 writers ≥ 3× raw better-sqlite3 (one fsync per command)', `${at32.vsRaw.toFixed(2)}×`, at32.vsRaw >= 3],
    at32.vsEmmett !== null
      ? ['Appends at 32 writers ≥ 10× Emmett SQLite', `${at32.vsEmmett.toFixed(1)}×`, at32.vsEmmett >= 10]
      : ['Appends at 32 writers ≥ 10× Emmett SQLite (Emmett fails with concurrent writers: vs its best rate)', at32.vsBestEmmett ? `${at32.vsBestEmmett.toFixed(1)}×` : 'n/a', (at32.vsBestEmmett ?? 0) >= 10],
    ['POST command ≥ 50% of the bare endpoint (32 connections)', `${(r.http.ratio * 100).toFixed(0)}%`, r.http.ratio >= 0.5],
    ['POST command p99 ≤ 20 ms', `${r.http.command.p99} ms`, r.http.command.p99 <= 20],
    ['Fixed rate (200 commands/s + 800 reads/s): command p99 ≤ 20 ms, no errors', `${r.http.fixedRate.commands.p99} ms, ${r.http.fixedRate.commands.errors + r.http.fixedRate.reads.errors} errors`, r.http.fixedRate.commands.p99 <= 20 && r.http.fixedRate.commands.errors + r.http.fixedRate.reads.errors === 0],
    ['Rebuild of all read models ≥ 100k events/s', `${Math.round(r.rebuild.eventsPerSecondAllReadModels)}/s`, r.rebuild.eventsPerSecondAllReadModels >= 100_000],
    ['Overdue query p99 ≤ 10 ms', `${r.queries.overdueActions.p99} ms`, r.queries.overdueActions.p99 <= 10],
    ['Case history p99 ≤ 5 ms', `${r.queries.caseHistory.p99} ms`, r.queries.caseHistory.p99 <= 5],
    ['Projection lag p99 ≤ 100 ms', `${r.lag.p99ms.toFixed(1)} ms`, r.lag.p99ms <= 100],
    [`Start-up ≤ 2 s at ${r.startup.events} events`, `${r.startup.seconds.toFixed(2)} s`, r.startup.seconds <= 2],
  ];
}

function markdown(r) {
  const lines = [`# Casetrail benchmark (${r.mode}, ${r.startedAt})`, '', `Machine: ${r.machine.cpus}× ${r.machine.cpu}, ${r.machine.memoryGb} GB, ${r.machine.os}; Node ${r.machine.node}`, ''];
  lines.push('## Durable appends (single-event commands, synchronous=FULL)', '', `Raw better-sqlite3, one transaction per command: ${Math.round(r.appends.rawOneTransactionPerCommand)}/s`, '');
  lines.push('| writers | Casetrail /s | × raw | Emmett SQLite /s | × Emmett |', '|---|---|---|---|---|');
  for (const w of r.appends.byWriters) {
    const emmett = typeof w.emmett === 'number' ? Math.round(w.emmett) : `error: ${w.emmett.error}`;
    const versus = w.vsEmmett ? w.vsEmmett.toFixed(1) : w.vsBestEmmett ? `${w.vsBestEmmett.toFixed(1)} (vs its best)` : 'n/a';
    lines.push(`| ${w.writers} | ${Math.round(w.casetrail)} | ${w.vsRaw.toFixed(2)} | ${emmett} | ${versus} |`);
  }
  lines.push('', '## HTTP (32 connections)', '', '| endpoint | req/s | p50 ms | p99 ms | p99.9 ms | errors |', '|---|---|---|---|---|---|');
  for (const [name, x] of [['bare (same app, no append)', r.http.bare], ['POST /api/cases', r.http.command]]) lines.push(`| ${name} | ${Math.round(x.requestsPerSecond)} | ${x.p50} | ${x.p99} | ${x.p999} | ${x.errors} |`);
  const fr = r.http.fixedRate;
  lines.push('', `Fixed rate for ${r.sizes.fixedRateSeconds} s, latency from each request's scheduled time (corrected for coordinated omission):`, '', '| stream | rate /s | p50 ms | p99 ms | p99.9 ms | errors |', '|---|---|---|---|---|---|');
  for (const [name, x] of Object.entries(fr)) lines.push(`| ${name} | ${x.perSecond} | ${x.p50} | ${x.p99} | ${x.p999} | ${x.errors} |`);
  lines.push('', `## Rebuild: ${r.rebuild.events} events (${r.rebuild.cases} cases), all read models in one pass ${Math.round(r.rebuild.eventsPerSecondAllReadModels)} events/s; each alone:`, '');
  for (const [name, rate] of Object.entries(r.rebuild.eventsPerSecondByReadModel)) lines.push(`- ${name}: ${Math.round(rate)} events/s`);
  lines.push('', '## Queries (8 connections)', '', '| query | req/s | p50 ms | p99 ms |', '|---|---|---|---|');
  for (const [name, x] of Object.entries(r.queries)) lines.push(`| ${name} | ${Math.round(x.requestsPerSecond)} | ${x.p50} | ${x.p99} |`);
  lines.push('', `Projection lag (ack → visible): p50 ${r.lag.p50ms.toFixed(1)} ms, p99 ${r.lag.p99ms.toFixed(1)} ms over ${r.lag.samples} commands. Start-up at ${r.startup.events} events: ${r.startup.seconds.toFixed(2)} s.`);
  lines.push('', '## Targets', '', '| target | measured | met |', '|---|---|---|');
  for (const [name, measured, met] of r.targets) lines.push(`| ${name} | ${measured} | ${met ? 'yes' : '**no**'} |`);
  lines.push('', 'Not measured yet: growth to 10M events and RSS at 1M.');
  return lines.join('\n');
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
  await appendsPhase(results);
  await httpPhase(results);
  await dataPhases(results);
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
