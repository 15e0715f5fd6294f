import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { builtEntry } from '../support/built-apps';

/*
 * The built service and CLI as an operator runs them: separate processes, real environment,
 * real signals, exit codes.
 */

const dirs = temporaryDirectories('casetrail-processes-');
afterAll(() => dirs.cleanup());

const baseEnv = (dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  CASETRAIL_DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  CASETRAIL_DEMO: 'off',
  ...extra,
});

function cli(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [builtEntry('cli'), ...args], { env: baseEnv(dataDir), encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the service on a free port and resolves once it says where it listens. */
async function startService(dataDir: string, extra: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [builtEntry('api')], { env: baseEnv(dataDir, { PORT: '0', ...extra }), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /"port":(\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`service exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

describe('the built service process', () => {
  it('refuses to start on invalid configuration, naming each variable and reason', () => {
    const result = spawnSync(process.execPath, [builtEntry('api')], {
      env: baseEnv(dirs.make(), { PORT: 'eighty', CASETRAIL_EVENT_STORE: 'postgres' }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Invalid configuration/);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/CASETRAIL_EVENT_STORE/);
  });

  it('serves health, then shuts down cleanly on SIGTERM, releasing the store', async () => {
    const dataDir = dirs.make();
    const { child, url } = await startService(dataDir);
    try {
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', store: { details: { journalMode: 'wal', synchronous: 2 } } });
    } finally {
      child.kill('SIGTERM');
    }
    // Nest closes the app, then re-raises the signal so the parent sees why it stopped.
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect([code, signal]).toEqual([null, 'SIGTERM']);
    // The last connection to close checkpoints its WAL and deletes it: both files were closed.
    expect(existsSync(join(dataDir, 'events.sqlite-wal'))).toBe(false);
    expect(existsSync(join(dataDir, 'read-models.sqlite-wal'))).toBe(false);
  }, 60_000);
});

describe('the OpenAPI document of the built service', () => {
  it('is served without a token and describes every public route with its request schema', async () => {
    const { child, url } = await startService(dirs.make());
    try {
      const res = await fetch(`${url}/api/openapi.json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: object }> } };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/cases',
          '/api/cases/{caseId}',
          '/api/cases/{caseId}/history',
          '/api/cases/{caseId}/decision/revision',
          '/api/cases/{caseId}/recommendations/{recommendationId}/actions',
          '/api/actions/overdue',
          '/api/actions/{actionId}/sign-off',
          '/api/escalations/{escalationId}/referral-up',
          '/api/reports/progress',
          '/api/reports/annual',
          '/api/audit/verify',
        ]),
      );
      // The swagger plugin read the class-validator DTOs at build time: no empty schemas.
      expect(Object.entries(doc.components.schemas).filter(([, schema]) => !schema.properties)).toEqual([]);
      expect(Object.keys(doc.components.schemas.ReferCaseDto.properties ?? {})).toEqual(expect.arrayContaining(['caseRef', 'subjects', 'incident']));
      expect((await fetch(`${url}/api/docs`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }, 60_000);
});

describe('the demo', () => {
  it('is loaded through the API on first start with an empty store, and only then', async () => {
    const dataDir = dirs.make();
    const token = cli(dataDir, 'token', '--name', 'Ann Lee', '--agency', 'Leicestershire Police').stdout.trim();
    const cases = async (url: string) => {
      const res = await fetch(`${url}/api/cases?pageSize=50`, { headers: { authorization: `Bearer ${token}` } });
      return (await res.json()) as { total: number; items: { caseId: string; status: string }[] };
    };
    const first = await startService(dataDir, { CASETRAIL_DEMO: 'auto' });
    try {
      const listed = await cases(first.url);
      // domain.md §7: B1, R, SK, five Oxfordshire referrals and T.
      expect(listed.total).toBe(9);
      expect(Object.fromEntries(listed.items.map((i) => [i.caseId, i.status]))).toMatchObject({ B1: 'PUBLISHED', 'OX-1617-03': 'DECISION_DEFERRED', 'OX-1617-04': 'REFERRED' });
    } finally {
      first.child.kill('SIGTERM');
      await once(first.child, 'exit');
    }
    const eventsAfterFirst = JSON.parse(cli(dataDir, 'verify').stdout) as { eventsChecked: number };
    const second = await startService(dataDir, { CASETRAIL_DEMO: 'auto' });
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');
    expect(JSON.parse(cli(dataDir, 'verify').stdout)).toMatchObject({ ok: true, eventsChecked: eventsAfterFirst.eventsChecked });
  }, 60_000);

  it('loads from the CLI too, and loading twice records everything once', () => {
    const dataDir = dirs.make();
    expect(cli(dataDir, 'demo').code).toBe(0);
    const loaded = JSON.parse(cli(dataDir, 'verify').stdout) as { eventsChecked: number };
    expect(cli(dataDir, 'demo').code).toBe(0);
    expect(JSON.parse(cli(dataDir, 'verify').stdout)).toMatchObject({ ok: true, eventsChecked: loaded.eventsChecked });
  });
});

describe('the CLI', () => {
  it('prints a token (even before the first start) that the service accepts, and verifies an intact log', async () => {
    const dataDir = dirs.make();
    const load = cli(dataDir, 'generate-load', '--writers', '4', '--streams', '5', '--seconds', '1');
    expect(load.code).toBe(0);
    const token = cli(dataDir, 'token', '--name', 'Ann Lee', '--agency', 'Leicestershire Police', '--role', 'business-unit');
    expect(token.code).toBe(0);

    const { child, url } = await startService(dataDir);
    try {
      const unauthenticated = await fetch(`${url}/api/stats/event-counts`);
      expect(unauthenticated.status).toBe(401);
      // Each line is one appended event, so the log's head is at that position.
      const head = load.stdout.trim().split('\n').length;
      const counts = await fetch(`${url}/api/stats/event-counts?minPosition=${head}&waitMs=5000`, {
        headers: { authorization: `Bearer ${token.stdout.trim()}` },
      });
      expect(counts.status).toBe(200);
      const body = (await counts.json()) as { counts: { type: string; count: number }[] };
      expect(body.counts.reduce((sum, c) => sum + c.count, 0)).toBe(head);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }

    const verified = cli(dataDir, 'verify');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
  }, 60_000);

  it('exits 1 and names the first broken link when an event was edited in the file', () => {
    const dataDir = dirs.make();
    expect(cli(dataDir, 'generate-load', '--writers', '2', '--streams', '2', '--seconds', '1').code).toBe(0);
    const db = new Database(join(dataDir, 'events.sqlite'));
    const victim = db.prepare('SELECT stream_id, version FROM events ORDER BY position LIMIT 1 OFFSET 3').get() as {
      stream_id: string;
      version: number;
    };
    db.prepare(`UPDATE events SET data = '{"edited":true}' WHERE stream_id = ? AND version = ?`).run(victim.stream_id, victim.version);
    db.close();

    const verified = cli(dataDir, 'verify');
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(`BROKEN: stream ${victim.stream_id} version ${victim.version}`);
    expect(verified.stderr).toMatch(/hash expected [0-9a-f]{64}, found [0-9a-f]{64}/);
  });

  it('rebuilds a projection into a new generation with the same counts', () => {
    const dataDir = dirs.make();
    expect(cli(dataDir, 'generate-load', '--writers', '2', '--streams', '3', '--seconds', '1').code).toBe(0);
    const countsAfter = (rebuild: ReturnType<typeof cli>) => {
      expect(rebuild.code).toBe(0);
      const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
      const rows = db.prepare('SELECT event_type, count FROM event_counts ORDER BY event_type').all();
      db.close();
      return rows;
    };
    const first = countsAfter(cli(dataDir, 'rebuild', 'event_counts'));
    const second = cli(dataDir, 'rebuild', 'event_counts');
    expect(second.stdout).toMatch(/rebuilt event_counts: generation 2, checkpoint \d+/);
    expect(countsAfter(second)).toEqual(first);
    expect(first).not.toEqual([]);
    const status = JSON.parse(cli(dataDir, 'projections').stdout) as { name: string; eventsBehind: number; generation: string }[];
    expect(status.find((p) => p.name === 'event_counts')).toMatchObject({ generation: '2', eventsBehind: 0 });
    expect(cli(dataDir, 'rebuild', 'no_such_projection').code).toBe(1);
  });
});
