import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

export interface LocalSigningKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  publicKey: KeyLike | Uint8Array;
}

const ALGORITHM = 'EdDSA';

export const localKeyPath = (dataDir: string) => join(dataDir, 'keys', 'jwt-signing-key.json');

/**
 * The embedded default has no identity provider: on first start it makes an Ed25519 key in
 * the data folder (readable by the owner only), and `npm run token` signs with it.
 */
export async function ensureLocalSigningKey(dataDir: string): Promise<LocalSigningKey> {
  const path = localKeyPath(dataDir);
  if (!existsSync(path)) {
    const { privateKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: ALGORITHM };
    mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
    writeFileSync(path, JSON.stringify(jwk, null, 2), { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
  }
  return loadLocalSigningKey(dataDir);
}

export async function loadLocalSigningKey(dataDir: string): Promise<LocalSigningKey> {
  const path = localKeyPath(dataDir);
  if (!existsSync(path)) {
    throw new Error(`No signing key at ${path}: start the service once (npm start) to create it`);
  }
  const jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK & { kid: string };
  const { d: _private, ...publicJwk } = jwk;
  return {
    kid: jwk.kid,
    privateKey: await importJWK(jwk, ALGORITHM),
    publicKey: await importJWK(publicJwk, ALGORITHM),
  };
}
