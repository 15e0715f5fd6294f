import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadSettings } from '@casetrail/settings';
import { AutoEscalator } from './action-plans/auto-escalator';
import { createApp } from './app.factory';
import { loadDemoInto } from './demo/demo-on-first-start';
import { applyHeapPolicy } from './infrastructure/heap-policy';

async function main(): Promise<void> {
  applyHeapPolicy();
  const settings = loadSettings();
  const app = await createApp(settings);
  // Every interface, as a container needs (Fastify alone would listen on localhost only).
  await app.listen(settings.port, '0.0.0.0');
  // PORT=0 picks a free port; report the one actually bound.
  const { port } = app.getHttpServer().address() as AddressInfo;
  if (settings.demo === 'auto') await loadDemoInto(app, settings, `http://127.0.0.1:${port}`, true);
  // After the demo, so the escalator judges the sample actions with their whole history in.
  app.get(AutoEscalator).start();
  console.log(
    JSON.stringify({
      level: 'info',
      msg: `Casetrail listening on http://localhost:${port} (store: ${settings.eventStore.adapter}, data: ${settings.dataDir})`,
      port,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
