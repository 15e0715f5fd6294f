import type { AddressInfo } from 'node:net';
import type { Settings } from '@casetrail/settings';
import { createApp } from '../../../api/src/app.factory';
import { loadDemoInto } from '../../../api/src/demo/demo-on-first-start';

/** Loads the sample cases into the data folder through the service's API, on a private port. */
export async function demo(settings: Settings): Promise<number> {
  const app = await createApp({ ...settings, logLevel: 'warn' });
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    const requests = await loadDemoInto(app, settings, `http://127.0.0.1:${port}`, false);
    console.log(`demo: ${requests} commands sent (sample cases of domain.md section 7)`);
    return requests > 0 ? 0 : 1;
  } finally {
    await app.close();
  }
}
