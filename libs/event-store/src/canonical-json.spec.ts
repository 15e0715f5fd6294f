import canonicalize from 'canonicalize';
import { canonicalJson } from './canonical-json';
import { hashEnvelope } from './hash-chain';

/** A small deterministic generator (mulberry32), so a failure names the seed that found it. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AWKWARD_STRINGS = [
  '',
  'é',
  'ä',
  'A',
  'a',
  '10',
  '9',
  '\u2028',
  '"\\\n\t',
  '😀',
  '\ud800',
  'Zoë',
  '\u0000',
  '€',
];
const AWKWARD_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.1,
  1e21,
  1e-7,
  123456789.123,
  2 ** 53,
  -1.5e-300,
  5e-324,
  Number.MAX_VALUE,
];

function jsonValue(next: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const kind = depth >= 4 ? Math.floor(next() * 4) : Math.floor(next() * 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return next() < 0.5 ? pick(AWKWARD_NUMBERS) : (next() - 0.5) * 10 ** Math.floor(next() * 30);
    case 3:
      return pick(AWKWARD_STRINGS) + pick(AWKWARD_STRINGS);
    case 4:
      return Array.from({ length: Math.floor(next() * 4) }, () => jsonValue(next, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 5) }, () => [
          pick(AWKWARD_STRINGS) + pick(AWKWARD_STRINGS),
          jsonValue(next, depth + 1),
        ]),
      );
  }
}

describe('canonicalJson', () => {
  it('writes what the reference RFC 8785 implementation writes, for 2,000 generated JSON values', () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const value = JSON.parse(JSON.stringify(jsonValue(random(seed), 0))) as unknown;
      const ours = canonicalJson(value);
      if (ours !== canonicalize(value))
        throw new Error(`seed ${seed}: ${ours} !== ${canonicalize(value)}`);
    }
  });

  it('sorts keys by UTF-16 code units and drops undefined members', () => {
    expect(
      canonicalJson({ b: 1, a: [true, null], '10': 'x', '9': 'y', é: { z: undefined, y: -0 } }),
    ).toBe('{"10":"x","9":"y","a":[true,null],"b":1,"é":{"y":0}}');
  });

  it('refuses values JSON cannot hold rather than hash something else', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow('NaN cannot be written as JSON');
    expect(() => canonicalJson({ n: Infinity })).toThrow('Infinity cannot be written as JSON');
    expect(() => canonicalJson([undefined])).toThrow(
      'A undefined cannot be written as canonical JSON',
    );
    expect(() => canonicalJson(1n)).toThrow('A bigint cannot be written as canonical JSON');
  });
});

describe('hashEnvelope', () => {
  it('gives the hash stored logs were chained with (a change here breaks every existing chain)', () => {
    // Computed with the `canonicalize` package before the store had its own canonicaliser.
    const envelope = {
      eventId: '0f8b1c2e-5d4a-4b8e-9a31-2c7d9e6f1a01',
      streamId: 'case-7f3a',
      version: 12n,
      type: 'ActionProgressUpdated',
      schemaVersion: 2,
      data: {
        z: [1, 0.5, -0, 1e21, 1e-7, 'é', { b: null, a: true }],
        ä: 'x',
        A: '\u2028"\\\n',
        '10': 'ten',
        '9': 'nine',
        empty: {},
        list: [],
      },
      metadata: {
        actor: {
          userId: 'u-1',
          displayName: 'Zoë Ödegaard 😀',
          agency: 'Police',
          roles: ['lead', 'admin'],
        },
        partnershipId: 'p',
        correlationId: 'c',
        causationId: 'k',
        commandId: 'm',
      },
      recordedAt: '2026-11-24T01:02:03.456Z',
      prevHash: 'ab'.repeat(32),
    };
    expect(hashEnvelope(envelope)).toBe(
      'ef230a676c1c8a9052805be40dbd0cb02c3fb29e21042e98890436cdf653d1d8',
    );
  });
});
