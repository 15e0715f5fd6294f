import {
  decisionAuthorityFor,
  DEFAULT_REGIME_EFFECTIVE_DATES,
  NoRegimeInForce,
  REGIMES,
  regimeInForceOn,
} from './regimes';

const defaults = { effectiveFrom: DEFAULT_REGIME_EFFECTIVE_DATES };

describe('Working Together regimes (domain.md §3.3)', () => {
  describe('when the regime for a referral date is chosen with the default dates', () => {
    it.each([
      ['2013-03-04', 'WT2010', 'Child R, commissioned under WT2010'],
      ['2014-10-07', 'WT2013', 'Child B1'],
      ['2015-10-12', 'WT2015', 'OX-1516-02'],
      ['2018-01-22', 'WT2015', 'Sam & Kyle'],
      ['2019-12-20', 'WT2018', 'Child T'],
      ['2024-06-01', 'WT2023', 'a 2024 referral'],
    ])('%s falls under %s (%s)', (date, regime) => {
      expect(regimeInForceOn(date, defaults)).toBe(regime);
    });

    it('switches on the effective day itself, not the day after', () => {
      expect(regimeInForceOn('2013-04-14', defaults)).toBe('WT2010');
      expect(regimeInForceOn('2013-04-15', defaults)).toBe('WT2013');
      expect(regimeInForceOn('2015-03-25', defaults)).toBe('WT2013');
      expect(regimeInForceOn('2015-03-26', defaults)).toBe('WT2015');
      expect(regimeInForceOn('2018-06-28', defaults)).toBe('WT2015');
      expect(regimeInForceOn('2018-06-29', defaults)).toBe('WT2018');
    });

    it('treats every date before WT2013 as WT2010', () => {
      expect(regimeInForceOn('2009-05-01', defaults)).toBe('WT2010');
    });
  });

  describe('when a partnership configures another WT2023 start', () => {
    it('uses the configured day', () => {
      const rules = { effectiveFrom: { ...DEFAULT_REGIME_EFFECTIVE_DATES, WT2023: '2024-12-01' } };
      expect(regimeInForceOn('2024-06-01', rules)).toBe('WT2018');
      expect(regimeInForceOn('2024-12-01', rules)).toBe('WT2023');
    });
  });

  describe('when the date precedes every configured regime', () => {
    it('throws NoRegimeInForce', () => {
      const rules = { effectiveFrom: { ...DEFAULT_REGIME_EFFECTIVE_DATES, WT2010: '2010-03-01' } };
      expect(() => regimeInForceOn('2009-05-01', rules)).toThrow(NoRegimeInForce);
    });
  });

  describe('when the decision-maker is asked for', () => {
    it('is the LSCB Chair to WT2015, the partners under WT2018 and the LSPs under WT2023', () => {
      expect(REGIMES.map(decisionAuthorityFor)).toEqual([
        'LSCB_CHAIR',
        'LSCB_CHAIR',
        'LSCB_CHAIR',
        'SAFEGUARDING_PARTNERS',
        'LSP',
      ]);
    });
  });

  describe('when the defaults are shared', () => {
    it('cannot be changed by a caller', () => {
      expect(Object.isFrozen(DEFAULT_REGIME_EFFECTIVE_DATES)).toBe(true);
    });
  });
});
