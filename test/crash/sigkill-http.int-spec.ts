import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { globalLogPages, SqliteEventStore, verifyChains } from '@casetrail/event-store';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { ensureLocalSigningKey, issueToken } from '@casetrail/identity';
import { loadSettings } from '@casetrail/settings';
import { CHILD_T } from '../../apps/api/src/demo/seed-timelines';
import { builtEntry } from '../support/built-apps';

const dirs = temporaryDirectories('casetrail-crash-http-');
afterAll(() => dirs.cleanup());

const CYCLES = 3;
const CONCURRENCY = 32;

interface Acknowledged {
  key: string;
  caseId: string;
  version: string;
  position: string;
}

/**
 * The running service is killed with SIGKILL while clients keep referring cases over HTTP.
 * After each restart, every referral it acknowledged is there exactly once, where it said, and
 * every request is sent again with its Idempotency-Key: none may record a second event.
 */
describe('when the service is killed with SIGKILL during a stream of commands', () => {
  it('keeps every acknowledged command exactly once, and retries never double it', async () => {
    const dataDir = dirs.make();
    const settings = loadSettings({ CASETRAIL_DATA_DIR: dataDir });
    const token = await issueToken(
      { userId: 'crash', displayName: 'Crash Test', agency: 'Police', partnershipId: 'test', roles: [] },
      await ensureLocalSigningKey(dataDir),
      settings.jwt,
    );
    const acknowledged: Acknowledged[] = [];
    const sent = new Set<string>();

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const service = await startService(dataDir);
      const stop = { killed: false };
      const killAfter = 300 + Math.floor(Math.random() * 700);
      const writers = Array.from({ length: CONCURRENCY }, (_, w) =>
        (async () => {
          for (let i = 0; !stop.killed; i++) {
            const key = `c${cycle}-w${w}-${i}`;
            sent.add(key);
            const answer = await refer(service.url, token, key).catch(() => undefined);
            if (answer && !stop.killed) acknowledged.push({ key, ...answer });
          }
        })(),
      );
      await new Promise((resolve) => setTimeout(resolve, killAfter));
      stop.killed = true;
      service.child.kill('SIGKILL');
      await once(service.child, 'exit');
      await Promise.all(writers);
    }
    expect(acknowledged.length).toBeGreaterThan(0);

    // After the last kill: the file holds each acknowledged referral, once, where it was acknowledged.
    const store = new SqliteEventStore({ path: join(dataDir, 'events.sqlite') });
    try {
      for (const ack of acknowledged) {
        const events = await store.readStream(`case-${ack.caseId}`);
        expect(events.map((e) => [e.type, e.version.toString(), e.position.toString()])).toEqual([['CaseReferred', ack.version, ack.position]]);
      }
      expect(await verifyChains(globalLogPages(store))).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }

    // A client that never heard back retries; so does one that did. Nothing is recorded twice.
    const service = await startService(dataDir);
    try {
      const retried = await Promise.all([...sent].map((key) => refer(service.url, token, key)));
      const byKey = new Map(acknowledged.map((a) => [a.key, a]));
      for (const [i, key] of [...sent].entries()) {
        const first = byKey.get(key);
        if (first) expect(retried[i]).toEqual({ caseId: first.caseId, version: first.version, position: first.position });
        else expect(retried[i].version).toBe('1');
      }
    } finally {
      service.child.kill('SIGTERM');
      await once(service.child, 'exit');
    }
    const after = new SqliteEventStore({ path: join(dataDir, 'events.sqlite') });
    try {
      let events = 0;
      for await (const page of globalLogPages(after)) events += page.length;
      expect(events).toBe(sent.size);
    } finally {
      await after.close();
    }
    console.log(`HTTP SIGKILL test: ${CYCLES} kills, ${sent.size} referrals sent, ${acknowledged.length} acknowledged, 0 lost, 0 doubled`);
  }, 120_000);
});

async function refer(url: string, token: string, key: string): Promise<Omit<Acknowledged, 'key'>> {
  const res = await fetch(`${url}/api/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ ...CHILD_T.requests[0].body, caseId: undefined, caseRef: key }),
  });
  if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as Omit<Acknowledged, 'key'>;
}

async function startService(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [builtEntry('api')], {
    env: { PATH: process.env.PATH, CASETRAIL_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', CASETRAIL_DEMO: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
