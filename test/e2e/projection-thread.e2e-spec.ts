import type { Worker } from 'node:worker_threads';
import { ProjectionRunner, Projections } from '@casetrail/projections';
import { CHILD_T } from '../../apps/api/src/demo/seed-timelines';
import { ProjectionThread } from '../../apps/api/src/infrastructure/projection-thread';
import { startTestApp, type TestApp } from '../support/test-app';

const referral = (caseRef: string) => ({ ...CHILD_T.requests[0].body, caseId: undefined, caseRef });

/** Refers a case and reads it back at the position the command answered with. */
async function referAndRead(t: TestApp, token: string, caseRef: string) {
  const created = await t
    .http()
    .post('/api/cases')
    .set('Authorization', `Bearer ${token}`)
    .send(referral(caseRef))
    .expect(201);
  const { caseId, position } = created.body as { caseId: string; position: string };
  return t
    .http()
    .get(`/api/cases/${caseId}?minPosition=${position}&waitMs=5000`)
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
}

describe('the projections on their own thread (the default on the embedded store)', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.tokenFor();
  });
  afterAll(() => t.close());

  it('run on a worker thread, and a read at the position a command answered sees the command', async () => {
    expect(t.app.get(Projections)).toBeInstanceOf(ProjectionThread);
    const read = await referAndRead(t, token, 'Thread 1');
    expect(read.body).toMatchObject({ caseRef: 'Thread 1', status: expect.any(String) });
  });

  it('hear of each append at once, not at their next look at the log (a second when idle)', async () => {
    const started = Date.now();
    for (let i = 0; i < 10; i++) await referAndRead(t, token, `Woken ${i}`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('report their status from the read models, caught up', async () => {
    const res = await t.http().get('/health').expect(200);
    for (const projection of res.body.projections as {
      eventsBehind: number;
      rebuilding: boolean;
    }[]) {
      expect(projection).toMatchObject({ eventsBehind: 0, rebuilding: false, failure: null });
    }
  });

  it('start again after the thread dies, and catch up with what was appended meanwhile', async () => {
    // Reaching in, as only a test should: the thread ends as a crash would end it.
    const worker = (t.app.get(Projections) as unknown as { worker: Worker }).worker;
    await worker.terminate();
    const read = await referAndRead(t, token, 'After the crash');
    expect(read.body).toMatchObject({ caseRef: 'After the crash' });
    expect((t.app.get(Projections) as unknown as { worker: Worker }).worker).not.toBe(worker);
  });
});

it('shut down at once while their thread is down and waiting to start again', async () => {
  const t = await startTestApp();
  await (t.app.get(Projections) as unknown as { worker: Worker }).worker.terminate();
  const started = Date.now();
  await t.close();
  expect(Date.now() - started).toBeLessThan(2_000);
});

describe('the projections on the main thread (CASETRAIL_PROJECTIONS_THREAD=main)', () => {
  it('answer the same way', async () => {
    const t = await startTestApp({ CASETRAIL_PROJECTIONS_THREAD: 'main' });
    try {
      expect(t.app.get(Projections)).toBeInstanceOf(ProjectionRunner);
      const read = await referAndRead(t, await t.tokenFor(), 'Main 1');
      expect(read.body).toMatchObject({ caseRef: 'Main 1' });
    } finally {
      await t.close();
    }
  });
});
