import type { Principal } from './principal';
import { RecentlyVerified } from './recently-verified';

const ada: Principal = {
  userId: 'ada',
  displayName: 'Ada',
  agency: 'Police',
  partnershipId: 'p',
  roles: [],
};

describe('RecentlyVerified', () => {
  it('answers a remembered token until it expires, then forgets it', () => {
    const recent = new RecentlyVerified(10, 60_000);
    recent.remember('t', ada, 5_000, 0);
    expect(recent.find('t', 4_999)).toBe(ada);
    expect(recent.find('t', 5_000)).toBeUndefined();
    expect(recent.size).toBe(0);
  });

  it('answers for no longer than its age limit, however far off the expiry', () => {
    const recent = new RecentlyVerified(10, 60_000);
    recent.remember('t', ada, 8 * 3_600_000, 1_000);
    expect(recent.find('t', 60_999)).toBe(ada);
    expect(recent.find('t', 61_000)).toBeUndefined();
  });

  it('keeps at most its bound, dropping the oldest', () => {
    const recent = new RecentlyVerified(2, 60_000);
    recent.remember('a', ada, 9e12, 0);
    recent.remember('b', ada, 9e12, 0);
    recent.remember('b', ada, 9e12, 0);
    expect(recent.size).toBe(2);
    recent.remember('c', ada, 9e12, 0);
    expect(recent.size).toBe(2);
    expect(recent.find('a', 1)).toBeUndefined();
    expect(recent.find('b', 1)).toBe(ada);
    expect(recent.find('c', 1)).toBe(ada);
  });

  it('knows nothing it was not told', () => {
    expect(new RecentlyVerified().find('never', 0)).toBeUndefined();
  });
});
