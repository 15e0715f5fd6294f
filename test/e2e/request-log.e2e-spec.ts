import { Writable } from 'node:stream';
import { CHILD_T } from '../../apps/api/src/demo/seed-timelines';
import { startTestApp, type TestApp } from '../support/test-app';

/** The log as written: one JSON object a line. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, sink };
}

const referral = { ...CHILD_T.requests[0].body, caseId: undefined, caseRef: 'Logged case' };

const requestLines = (lines: Record<string, unknown>[]) =>
  lines.filter((l) => l.msg === 'request completed');

describe('the request log', () => {
  describe('at level info', () => {
    const { lines, sink } = logSink();
    let t: TestApp;
    let token: string;
    beforeAll(async () => {
      t = await startTestApp({ LOG_LEVEL: 'info' }, {}, sink);
      token = await t.tokenFor();
    });
    afterAll(() => t.close());

    it("carries Nest's own messages, with the context Nest gives them", () => {
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 30,
          context: 'NestApplication',
          msg: 'Nest application successfully started',
        }),
      );
    });

    it("writes who asked for what and the answer, and none of the request's headers", async () => {
      await t
        .http()
        .post('/api/cases?from=log-test')
        .set('Authorization', `Bearer ${token}`)
        .set('Cookie', 'session=secret-cookie')
        .set('Idempotency-Key', 'log-1')
        .send(referral)
        .expect(201);
      const [line] = requestLines(lines);
      expect(line).toMatchObject({
        level: 30,
        userId: 'ada',
        req: { method: 'POST', url: '/api/cases?from=log-test' },
        res: { statusCode: 201 },
      });
      expect(Object.keys(line.req as object).sort()).toEqual(['id', 'method', 'url']);
      expect(typeof line.responseTime).toBe('number');
      expect(JSON.stringify(line)).not.toContain(token);
      expect(JSON.stringify(line)).not.toMatch(/secret|authorization|cookie/i);
    });

    it('writes refused requests too, with no user when there was no token', async () => {
      lines.length = 0;
      await t.http().get('/api/cases').expect(401);
      await t.http().get('/no-such-route').expect(404);
      expect(requestLines(lines).map((l) => [l.req, l.res, l.userId])).toEqual([
        [
          expect.objectContaining({ method: 'GET', url: '/api/cases' }),
          { statusCode: 401 },
          undefined,
        ],
        [
          expect.objectContaining({ method: 'GET', url: '/no-such-route' }),
          { statusCode: 404 },
          undefined,
        ],
      ]);
    });
  });

  it('writes nothing for an answered request at level warn', async () => {
    const { lines, sink } = logSink();
    const t = await startTestApp({ LOG_LEVEL: 'warn' }, {}, sink);
    try {
      const token = await t.tokenFor();
      await t.http().get('/api/cases').set('Authorization', `Bearer ${token}`).expect(200);
      await t.http().get('/no-such-route').expect(404);
      expect(requestLines(lines)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
