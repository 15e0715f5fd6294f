import type { Principal } from './principal';

interface Entry {
  principal: Principal;
  /** Epoch ms after which the entry no longer answers: the token's expiry or the age limit. */
  until: number;
}

/**
 * Tokens that passed verification, remembered so the next request with the same token skips
 * the signature check (an Ed25519 verify was an eighth of a request's CPU). An entry answers only
 * before its token expires and for at most `maxAgeMs` after it was verified, so a key withdrawn
 * from the JWKS stops being trusted within that age. Failures are never remembered. Bounded:
 * past `maxEntries` the oldest entry goes.
 */
export class RecentlyVerified {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  find(token: string, now: number): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now < entry.until) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  remember(token: string, principal: Principal, expiresAt: number, now: number): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(token)) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    this.entries.set(token, { principal, until: Math.min(expiresAt, now + this.maxAgeMs) });
  }
}
