import { BusinessDate, compareDates } from './business-date';

/** The editions of Working Together that set the statutory timescales (domain.md §3.3). */
export type Regime = 'WT2010' | 'WT2013' | 'WT2015' | 'WT2018' | 'WT2023';

/** Oldest first: the order in which the regimes came into force. */
export const REGIMES: readonly Regime[] = ['WT2010', 'WT2013', 'WT2015', 'WT2018', 'WT2023'];

/** Who may record a decision on whether to hold a review (domain.md §2, §3.2). */
export type DecisionAuthority = 'LSCB_CHAIR' | 'SAFEGUARDING_PARTNERS' | 'LSP';

/** The day from which each regime is in force; configuration, with defaults below. */
export type RegimeEffectiveDates = Record<Regime, BusinessDate>;

/**
 * Defaults from domain.md §3.3. WT2010 carries the 2006 Chapter 8 timescales and is taken to
 * apply to everything before WT2013, hence its open start. WT2023: domain.md says only
 * "Dec 2023"; 15 December is the publication day, an assumption to confirm in settings.
 */
export const DEFAULT_REGIME_EFFECTIVE_DATES: RegimeEffectiveDates = Object.freeze({
  WT2010: '0001-01-01',
  WT2013: '2013-04-15',
  WT2015: '2015-03-26',
  WT2018: '2018-06-29',
  WT2023: '2023-12-15',
});

/** No regime was in force on the date asked about (it precedes the earliest effective date). */
export class NoRegimeInForce extends Error {
  readonly code = 'NO_REGIME_IN_FORCE';
  constructor(readonly date: BusinessDate) {
    super(`No Working Together regime was in force on ${date}`);
    this.name = 'NoRegimeInForce';
  }
}

/**
 * The regime in force on a date: the latest one whose effective date is on or before it.
 * Cases take the regime in force on the referral or notification date (domain.md §3.3).
 */
export function regimeInForceOn(
  date: BusinessDate,
  rules: { effectiveFrom: RegimeEffectiveDates },
): Regime {
  const inForce = REGIMES.filter((r) => compareDates(rules.effectiveFrom[r], date) <= 0);
  const latest = inForce[inForce.length - 1];
  if (latest === undefined) throw new NoRegimeInForce(date);
  return latest;
}

/**
 * Who decides under a regime: the LSCB (Independent) Chair to 2018, the three safeguarding
 * partners jointly under WT2018, the Lead Safeguarding Partners under WT2023 (domain.md §2, §3.2).
 */
export function decisionAuthorityFor(regime: Regime): DecisionAuthority {
  switch (regime) {
    case 'WT2010':
    case 'WT2013':
    case 'WT2015':
      return 'LSCB_CHAIR';
    case 'WT2018':
      return 'SAFEGUARDING_PARTNERS';
    case 'WT2023':
      return 'LSP';
    default: {
      const unknown: never = regime;
      throw new RangeError(`Unknown regime ${String(unknown)}`);
    }
  }
}
