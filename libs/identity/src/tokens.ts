import { createRemoteJWKSet, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { LocalSigningKey } from './local-signing-key';
import { type Principal, Unauthenticated } from './principal';
import { RecentlyVerified } from './recently-verified';

export interface TokenSettings {
  issuer: string;
  audience: string;
  algorithms: string[];
  jwksUrl?: string;
}

/** Claims beyond the registered ones that Casetrail reads. */
interface CasetrailClaims extends JWTPayload {
  name?: unknown;
  agency?: unknown;
  partnership?: unknown;
  roles?: unknown;
}

export async function issueToken(
  principal: Principal,
  key: LocalSigningKey,
  settings: Pick<TokenSettings, 'issuer' | 'audience'>,
  expiresIn = '8h',
): Promise<string> {
  return new SignJWT({
    name: principal.displayName,
    agency: principal.agency,
    partnership: principal.partnershipId,
    roles: principal.roles,
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key.privateKey);
}

export type TokenVerifier = (token: string) => Promise<Principal>;

export interface VerifierOptions {
  /** Epoch ms; the verifier's clock for expiry, so tests can move it. */
  now?: () => number;
  recentlyVerified?: RecentlyVerified;
}

/**
 * Verifies signature (allow-listed algorithms only), issuer, audience and expiry. A token
 * verified in the last minute is answered from memory until it expires (see RecentlyVerified).
 */
export function createTokenVerifier(
  settings: TokenSettings,
  localKey?: LocalSigningKey,
  { now = Date.now, recentlyVerified = new RecentlyVerified() }: VerifierOptions = {},
): TokenVerifier {
  const key = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : localKey?.publicKey;
  if (!key) throw new Error('A JWKS URL or a local signing key is needed to verify tokens');
  return async (token) => {
    const at = now();
    const known = recentlyVerified.find(token, at);
    if (known) return known;
    let payload: CasetrailClaims;
    try {
      const verified = await (typeof key === 'function'
        ? jwtVerify(token, key, options(settings, at))
        : jwtVerify(token, key, options(settings, at)));
      payload = verified.payload;
    } catch (error) {
      throw new Unauthenticated(
        `Invalid token: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const principal = principalFrom(payload);
    // exp is a required claim, so jose has checked it is a number.
    recentlyVerified.remember(token, principal, (payload.exp as number) * 1000, at);
    return principal;
  };
}

const options = (settings: TokenSettings, at: number) => ({
  issuer: settings.issuer,
  audience: settings.audience,
  algorithms: settings.algorithms,
  requiredClaims: ['sub', 'exp'],
  currentDate: new Date(at),
});

function principalFrom(claims: CasetrailClaims): Principal {
  const text = (value: unknown, claim: string): string => {
    if (typeof value !== 'string' || value.trim() === '')
      throw new Unauthenticated(`Token has no ${claim} claim`);
    return value;
  };
  const roles = claims.roles ?? [];
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) {
    throw new Unauthenticated('Token roles claim must be a list of strings');
  }
  return Object.freeze({
    userId: text(claims.sub, 'sub'),
    displayName: text(claims.name, 'name'),
    agency: text(claims.agency, 'agency'),
    partnershipId: text(claims.partnership, 'partnership'),
    roles: Object.freeze([...(roles as string[])]) as string[],
  });
}
