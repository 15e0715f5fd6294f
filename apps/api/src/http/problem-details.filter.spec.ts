import type { ArgumentsHost } from '@nestjs/common';
import { ReportsBusy } from './problem-details';
import { ProblemDetailsFilter } from './problem-details.filter';

function answer(error: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: '' };
  const response = {
    header(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    type() {
      return this;
    },
    send(body: string) {
      sent.body = body;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/api/reports/annual' }), getResponse: () => response }) };
  new ProblemDetailsFilter().catch(error, host as unknown as ArgumentsHost);
  return { ...sent, problem: JSON.parse(sent.body) as Record<string, unknown> };
}

describe('errors as problem+json', () => {
  it('answers 503 with Retry-After while a read model is being rebuilt under a new version', () => {
    const missing = Object.assign(new Error('no such table: report_evaluations'), { code: 'SQLITE_ERROR' });
    const res = answer(missing);
    expect(res.status).toBe(503);
    expect(res.headers['Retry-After']).toBe('1');
    expect(res.problem).toMatchObject({ type: '/problems/read-models-behind', instance: '/api/reports/annual' });
  });

  it('answers 503 with Retry-After when too many reports wait to be built', () => {
    const res = answer(new ReportsBusy(16));
    expect(res.status).toBe(503);
    expect(res.headers['Retry-After']).toBe('1');
    expect(res.problem).toMatchObject({ type: '/problems/reports-busy', detail: expect.stringContaining('16 reports') });
  });

  it('answers 503 when the database cannot be used (a full disk, an I/O error, a lock held too long)', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_FSYNC', 'SQLITE_BUSY']) {
      const res = answer(Object.assign(new Error('database or disk is full'), { name: 'SqliteError', code }));
      expect(res.status).toBe(503);
      expect(res.problem).toMatchObject({ type: '/problems/store-unavailable', detail: expect.stringContaining(code) });
    }
    expect(answer(Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' })).status).toBe(500);
  });

  it('keeps anything unexpected a 500 that says nothing about the internals', () => {
    const res = answer(new Error('secret detail'));
    expect(res.status).toBe(500);
    expect(res.body).not.toContain('secret detail');
  });
});
