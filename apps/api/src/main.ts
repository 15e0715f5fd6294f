import 'reflect-metadata';
import { loadSettings } from '@casetrail/settings';
import { createApp } from './app.factory';

async function main(): Promise<void> {
  const settings = loadSettings();
  const app = await createApp(settings);
  await app.listen(settings.port);
  console.log(
    JSON.stringify({
      level: 'info',
      msg: `Casetrail listening on http://localhost:${settings.port} (store: ${settings.eventStore.adapter}, data: ${settings.dataDir})`,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
