import { randomUUID } from 'node:crypto';
import { issueToken, ensureLocalSigningKey } from '@casetrail/identity';
import type { Settings } from '@casetrail/settings';

export interface TokenOptions {
  name?: string;
  agency?: string;
  role?: string[];
  'user-id'?: string;
  partnership?: string;
  expires?: string;
}

export async function printToken(settings: Settings, options: TokenOptions): Promise<number> {
  if (settings.jwt.jwksUrl) {
    console.error('Tokens come from your identity provider when CASETRAIL_JWKS_URL is set.');
    return 2;
  }
  if (!options.name || !options.agency) {
    console.error('token needs --name and --agency, e.g. npm run token -- --name "Ada Lovelace" --agency "Police" --role business-unit');
    return 2;
  }
  // Creates the key on first use, as the service would, so a token can come before the first start.
  const key = await ensureLocalSigningKey(settings.dataDir);
  const token = await issueToken(
    {
      userId: options['user-id'] ?? randomUUID(),
      displayName: options.name,
      agency: options.agency,
      partnershipId: options.partnership ?? 'local',
      roles: options.role ?? [],
    },
    key,
    settings.jwt,
    options.expires ?? '8h',
  );
  console.log(token);
  return 0;
}
