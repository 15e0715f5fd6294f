import { statSync } from 'node:fs';
import { generateKeyPair, SignJWT } from 'jose';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { ensureLocalSigningKey, localKeyPath } from './local-signing-key';
import type { Principal } from './principal';
import { RecentlyVerified } from './recently-verified';
import { createTokenVerifier, issueToken } from './tokens';

const dirs = temporaryDirectories();
afterAll(() => dirs.cleanup());

const settings = { issuer: 'casetrail-local', audience: 'casetrail', algorithms: ['EdDSA'] };
const ada: Principal = {
  userId: 'ada',
  displayName: 'Ada Lovelace',
  agency: 'Leicestershire Police',
  partnershipId: 'leicester',
  roles: ['business-unit'],
};

describe('tokens for the embedded default', () => {
  it('creates the signing key once, readable by its owner only, and keeps it across starts', async () => {
    const dir = dirs.make();
    const first = await ensureLocalSigningKey(dir);
    const second = await ensureLocalSigningKey(dir);
    expect(second.kid).toBe(first.kid);
    expect(statSync(localKeyPath(dir)).mode & 0o777).toBe(0o600);
  });

  it('round-trips a principal through an issued token', async () => {
    const key = await ensureLocalSigningKey(dirs.make());
    const verify = createTokenVerifier(settings, key);
    expect(await verify(await issueToken(ada, key, settings))).toEqual(ada);
  });

  it('answers a token verified before from memory, but never once it has expired', async () => {
    const key = await ensureLocalSigningKey(dirs.make());
    let now = Date.now();
    const recentlyVerified = new RecentlyVerified();
    const verify = createTokenVerifier(settings, key, { now: () => now, recentlyVerified });
    const token = await issueToken(ada, key, settings, '10m');
    expect(await verify(token)).toEqual(ada);
    expect(recentlyVerified.size).toBe(1);
    expect(await verify(token)).toEqual(ada);
    now += 11 * 60_000;
    await expect(verify(token)).rejects.toThrow(/exp/);
    expect(recentlyVerified.size).toBe(0);
  });

  it('remembers no token that failed', async () => {
    const key = await ensureLocalSigningKey(dirs.make());
    const recentlyVerified = new RecentlyVerified();
    const verify = createTokenVerifier(settings, key, { recentlyVerified });
    const stranger = await issueToken(ada, await ensureLocalSigningKey(dirs.make()), settings);
    await expect(verify(stranger)).rejects.toThrow(/signature/);
    await expect(verify(stranger)).rejects.toThrow(/signature/);
    expect(recentlyVerified.size).toBe(0);
  });

  describe('when a token should not be trusted', () => {
    it('refuses a token signed by another key', async () => {
      const verify = createTokenVerifier(settings, await ensureLocalSigningKey(dirs.make()));
      const stranger = await ensureLocalSigningKey(dirs.make());
      await expect(verify(await issueToken(ada, stranger, settings))).rejects.toThrow(/signature/);
    });

    it('refuses an expired token', async () => {
      const key = await ensureLocalSigningKey(dirs.make());
      const verify = createTokenVerifier(settings, key);
      const expired = await new SignJWT({ name: 'A', agency: 'B', partnership: 'C' })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setSubject('ada')
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(key.privateKey);
      await expect(verify(expired)).rejects.toThrow(/exp/);
    });

    it('refuses another audience or issuer', async () => {
      const key = await ensureLocalSigningKey(dirs.make());
      const verify = createTokenVerifier(settings, key);
      await expect(
        verify(await issueToken(ada, key, { ...settings, audience: 'other' })),
      ).rejects.toThrow(/aud/);
      await expect(
        verify(await issueToken(ada, key, { ...settings, issuer: 'other' })),
      ).rejects.toThrow(/iss/);
    });

    it('refuses an algorithm outside the allow-list, and unsigned tokens', async () => {
      const key = await ensureLocalSigningKey(dirs.make());
      const verify = createTokenVerifier(settings, key);
      const es256 = await generateKeyPair('ES256');
      const other = await new SignJWT({ name: 'A', agency: 'B', partnership: 'C' })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('ada')
        .setIssuer(settings.issuer)
        .setAudience(settings.audience)
        .setExpirationTime('1h')
        .sign(es256.privateKey);
      await expect(verify(other)).rejects.toThrow(/alg/);
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ sub: 'ada', iss: settings.issuer, aud: settings.audience, exp: 9e9 }),
      ).toString('base64url')}.`;
      await expect(verify(unsigned)).rejects.toThrow(/Invalid token/);
    });

    it('refuses a token without the agency or partnership it acts for', async () => {
      const key = await ensureLocalSigningKey(dirs.make());
      const verify = createTokenVerifier(settings, key);
      await expect(verify(await issueToken({ ...ada, agency: '' }, key, settings))).rejects.toThrow(
        /agency/,
      );
      await expect(
        verify(await issueToken({ ...ada, partnershipId: ' ' }, key, settings)),
      ).rejects.toThrow(/partnership/);
    });
  });
});
