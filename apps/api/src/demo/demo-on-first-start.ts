import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { EventStore } from '@casetrail/event-store';
import { ensureLocalSigningKey, issueToken } from '@casetrail/identity';
import type { Settings } from '@casetrail/settings';
import { loadDemo } from './demo-loader';

const LOADER = {
  userId: 'casetrail-demo-loader',
  displayName: 'Casetrail demo loader',
  agency: 'Casetrail',
  partnershipId: 'local',
  roles: ['business-unit'],
};

/**
 * Loads the sample cases through the running service's own API, with a token signed by the
 * local key. Only on an empty store, and only with the embedded identity (a deployment on an
 * identity provider has no key here to sign with, and no business with sample cases).
 */
export async function loadDemoInto(app: INestApplication, settings: Settings, baseUrl: string, onlyIfEmpty: boolean): Promise<number> {
  const logger = new Logger('Demo');
  if (onlyIfEmpty && (await app.get(EventStore).headPosition()) > 0n) return 0;
  if (settings.jwt.jwksUrl) {
    logger.log('Demo not loaded: CASETRAIL_JWKS_URL is set, so there is no local key to sign the loader token');
    return 0;
  }
  const token = await issueToken(LOADER, await ensureLocalSigningKey(settings.dataDir), settings.jwt, '1h');
  const started = Date.now();
  const { requests, cases } = await loadDemo(baseUrl, token);
  logger.log(`Demo loaded: ${cases} sample cases, ${requests} commands, in ${Date.now() - started} ms`);
  return requests;
}
