import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadSettings } from '@casetrail/settings';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  const settings = loadSettings();
  const app = await createApp(settings);
  await app.listen(settings.port);
  // PORT=0 picks a free port; report the one actually bound.
  const { port } = app.getHttpServer().address() as AddressInfo;
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
