import { GENESIS_HASH, hashEnvelope } from './hash-chain';
import type { StoredEvent } from './event-store';

export interface BrokenLink {
  streamId: string;
  version: bigint;
  position: bigint;
  /** What is wrong: the stored hash, the link to the previous event, or the version sequence. */
  check: 'hash' | 'prevHash' | 'version';
  expected: string;
  found: string;
}

export interface VerificationReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  firstBrokenLink?: BrokenLink;
}

interface ChainTip {
  version: bigint;
  hash: string;
}

/**
 * Walks the global log once and checks every stream's chain: versions run 1..n with no gap,
 * each event links to its predecessor's hash, and each stored hash matches the facts.
 * Stops at the first broken link. Trusts nothing but the events it is given.
 */
export async function verifyChains(
  pages: AsyncIterable<readonly StoredEvent[]>,
): Promise<VerificationReport> {
  const tips = new Map<string, ChainTip>();
  let eventsChecked = 0;
  for await (const page of pages) {
    for (const event of page) {
      const broken = checkLink(event, tips.get(event.streamId));
      if (broken) {
        return { ok: false, eventsChecked, streamsChecked: tips.size, firstBrokenLink: broken };
      }
      tips.set(event.streamId, { version: event.version, hash: event.hash });
      eventsChecked++;
    }
  }
  return { ok: true, eventsChecked, streamsChecked: tips.size };
}

function checkLink(event: StoredEvent, tip: ChainTip | undefined): BrokenLink | undefined {
  const at = { streamId: event.streamId, version: event.version, position: event.position };
  const expectedVersion = (tip?.version ?? 0n) + 1n;
  if (event.version !== expectedVersion) {
    return { ...at, check: 'version', expected: String(expectedVersion), found: String(event.version) };
  }
  const expectedPrev = tip?.hash ?? GENESIS_HASH;
  if (event.prevHash !== expectedPrev) {
    return { ...at, check: 'prevHash', expected: expectedPrev, found: event.prevHash };
  }
  const recomputed = hashEnvelope(event);
  if (event.hash !== recomputed) {
    return { ...at, check: 'hash', expected: recomputed, found: event.hash };
  }
  return undefined;
}

/** Pages through a store's global log. */
export async function* globalLogPages(
  store: { readAll(options: { after: bigint; limit: number }): Promise<StoredEvent[]> },
  pageSize = 1000,
): AsyncIterable<StoredEvent[]> {
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, limit: pageSize });
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].position;
  }
}
