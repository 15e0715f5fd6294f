import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { globalLogPages, SqliteEventStore, verifyChains } from '@casetrail/event-store';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { builtEntry } from '../support/built-apps';

const dirs = temporaryDirectories('casetrail-crash-');
afterAll(() => dirs.cleanup());

interface Ack {
  streamId: string;
  version: bigint;
  position: bigint;
  eventId: string;
}

const CYCLES = 6;

/**
 * Kills a process in the middle of a stream of concurrent appends, again and again on the
 * same file, committing on a worker thread (as the service does) and on the appending thread by
 * turns, then checks that every append it acknowledged is there exactly once, where it
 * was acknowledged, and that the file and every hash chain are intact.
 */
describe('when the process holding the store is killed with SIGKILL', () => {
  it('keeps every acknowledged append exactly once, with intact hash chains', async () => {
    const dataDir = dirs.make();
    const acks: Ack[] = [];
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const commits = cycle % 2 === 0 ? 'worker' : 'main';
      const cycleAcks = await runAndKill(dataDir, commits, 400 + Math.floor(Math.random() * 1600));
      expect(cycleAcks.length).toBeGreaterThan(0); // it accepted writes again after the last kill
      acks.push(...cycleAcks);
    }

    const path = join(dataDir, 'events.sqlite');
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const store = new SqliteEventStore({ path });
    try {
      const events = [];
      for await (const page of globalLogPages(store)) events.push(...page);
      const byId = new Map(events.map((e) => [e.eventId, e]));
      expect(byId.size).toBe(events.length);

      const lost = acks.filter((ack) => {
        const stored = byId.get(ack.eventId);
        return !stored || stored.streamId !== ack.streamId || stored.version !== ack.version || stored.position !== ack.position;
      });
      expect(lost).toEqual([]);
      expect(events.length).toBeGreaterThanOrEqual(acks.length);

      const positions = events.map((e) => e.position);
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1])).toBe(true);
      expect(await verifyChains(globalLogPages(store))).toMatchObject({ ok: true, eventsChecked: events.length });
      console.log(`SIGKILL test: ${CYCLES} kills, ${acks.length} acknowledged appends, ${events.length} stored, 0 lost`);
    } finally {
      await store.close();
    }
  }, 120_000);
});

function runAndKill(dataDir: string, commits: 'worker' | 'main', killAfterMs: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [builtEntry('cli'), 'generate-load', '--writers', '32', '--streams', '200', '--seconds', '60'],
      { env: { ...process.env, CASETRAIL_DATA_DIR: dataDir, CASETRAIL_COMMITS_THREAD: commits }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    let started = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, streamId, version, position, eventId] = line.split(' ');
        if (word !== 'ack') continue;
        acks.push({ streamId, version: BigInt(version), position: BigInt(position), eventId });
        if (!started) {
          started = true;
          setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`load generator ended on its own (code ${code}): ${stderr}`));
      else resolve(acks);
    });
  });
}
