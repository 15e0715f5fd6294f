import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { requestLogging } from './request-logging';

describe('request logging', () => {
  const lines: Record<string, unknown>[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const log = pinoHttp(requestLogging('info'), sink);
    server = createServer((req, res) => {
      log(req, res);
      (req as unknown as { principal: { userId: string } }).principal = { userId: 'ada' };
      res.statusCode = 201;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('logs who asked for what and the answer, and no header at all', async () => {
    await fetch(`${url}/api/cases?page=2`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret-token', cookie: 'session=secret-cookie' },
      body: '{}',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({
      level: 30,
      msg: 'request completed',
      userId: 'ada',
      req: { method: 'POST', url: '/api/cases?page=2' },
      res: { statusCode: 201 },
    });
    expect(Object.keys(line.req as object).sort()).toEqual(['id', 'method', 'url']);
    expect(JSON.stringify(line)).not.toMatch(/secret|authorization|cookie/i);
  });
});
