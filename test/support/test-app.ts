import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import type { InfrastructureOverrides } from '../../apps/api/src/infrastructure/infrastructure.module';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { ensureLocalSigningKey, issueToken, type Principal } from '@casetrail/identity';
import { loadSettings, type Settings } from '@casetrail/settings';

export const ada: Principal = {
  userId: 'ada',
  displayName: 'Ada Lovelace',
  agency: 'Leicestershire Police',
  partnershipId: 'leicester',
  roles: ['business-unit'],
};

export interface TestApp {
  app: INestApplication;
  settings: Settings;
  http(): ReturnType<typeof request>;
  tokenFor(principal?: Principal): Promise<string>;
  close(): Promise<void>;
}

/** The real application on the embedded store, in a temporary data folder; its log goes to `logTo`. */
export async function startTestApp(
  env: NodeJS.ProcessEnv = {},
  overrides: InfrastructureOverrides = {},
  logTo?: DestinationStream,
): Promise<TestApp> {
  const dirs = temporaryDirectories('casetrail-e2e-');
  // The automatic escalator runs only when a test asks it to (AutoEscalator.runOnce), on the test's clock.
  const settings = loadSettings({ CASETRAIL_DATA_DIR: dirs.make(), LOG_LEVEL: 'silent', CASETRAIL_ESCALATION_INTERVAL_MS: '0', ...env });
  const app = await createApp(settings, overrides, logTo);
  await app.init();
  // Fastify registers its routes and plugins on ready; supertest needs them in place.
  await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
  return {
    app,
    settings,
    http: () => request(app.getHttpServer()),
    async tokenFor(principal = ada) {
      return issueToken(principal, await ensureLocalSigningKey(settings.dataDir), settings.jwt);
    },
    async close() {
      await app.close();
      dirs.cleanup();
    },
  };
}
