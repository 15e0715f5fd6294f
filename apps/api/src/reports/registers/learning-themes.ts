import { THEMES } from '@casetrail/domain';
import { groupBy } from '../grouping';
import type { LearningFact, RecommendationFact, ReferralFact, ReviewFact } from '../report-facts';

/**
 * The learning themes register (domain.md §6.7): per theme, the reviews that met it (in the
 * referral, a finding, a recommendation or the learning spread), what they found and recommended
 * about it, where their reports and learning summaries are, and each briefing, event, training or
 * newsletter that spread it. The most common first, as 001 §9 lists its "ten most common learning
 * points". Pure: drawn from facts already read as of the date.
 */

export const THEME_SOURCES = ['REFERRAL', 'FINDING', 'RECOMMENDATION', 'DISSEMINATION'] as const;
export type ThemeSource = (typeof THEME_SOURCES)[number];

export interface ThemedCase {
  caseId: string;
  caseRef: string;
  reviewType: string | null;
  publishedOn: string | null;
  url: string | null;
  learningSummaryUrl: string | null;
  /** Where the theme was met in this case. */
  from: ThemeSource[];
}

export interface Spread {
  caseId: string;
  caseRef: string;
  on: string;
  format: string;
  audience: string;
  attendance: number | null;
  link: string | null;
}

export interface ThemeEntry {
  theme: string;
  /** Cases that met the theme: all of them, though `reviews` lists only the latest unless asked. */
  cases: number;
  findings: number;
  recommendations: number;
  /** Times it was spread, and how many attended where counted. */
  disseminations: number;
  attendance: number;
  /** The latest published first, then those not yet published. */
  reviews: ThemedCase[];
  /** The latest first. */
  spread: Spread[];
}

export interface LearningThemesRegister {
  /** Cases with a review, a finding or learning spread by the date. */
  cases: number;
  /** The (at most) ten themes met by the most cases. */
  mostCommon: string[];
  items: ThemeEntry[];
}

export interface LearningFacts {
  referrals: (ReferralFact & { caseRef: string })[];
  reviews: ReviewFact[];
  recommendations: RecommendationFact[];
  learning: LearningFact[];
}

const MOST_COMMON = 10;
/** A national register meets neglect in thousands of reviews: each theme lists this many. */
export const LISTED_PER_THEME = 20;

/** Every theme with its counts; or `only` that one, with every review and spreading listed. */
export function buildLearningThemes(
  { referrals, reviews, recommendations, learning }: LearningFacts,
  only?: string,
): LearningThemesRegister {
  const reviewOf = new Map(reviews.map((r) => [r.caseId, r]));
  const caseIds = new Set([...reviewOf.keys(), ...learning.map((l) => l.caseId)]);
  const refOf = new Map(referrals.map((r) => [r.caseId, r.caseRef]));
  const caseRef = (caseId: string) => refOf.get(caseId) ?? caseId;
  // Every (theme, case, source) the facts give, for the cases in the register.
  const met: { theme: string; caseId: string; from: ThemeSource }[] = [
    ...referrals.flatMap((r) =>
      r.themes.map((theme) => ({ theme, caseId: r.caseId, from: 'REFERRAL' as const })),
    ),
    ...recommendations.flatMap((r) =>
      r.themes.map((theme) => ({ theme, caseId: r.caseId, from: 'RECOMMENDATION' as const })),
    ),
    ...learning.flatMap((l) =>
      l.themes.map((theme) => ({ theme, caseId: l.caseId, from: l.kind })),
    ),
  ].filter((m) => caseIds.has(m.caseId));
  const byTheme = groupBy(met, (m) => m.theme);
  const listed = only === undefined ? LISTED_PER_THEME : Infinity;
  const items = [...byTheme].map(([theme, found]): ThemeEntry => {
    const byCase = groupBy(found, (m) => m.caseId);
    const themed = (l: LearningFact) => l.themes.includes(theme);
    const spread = learning.filter((l) => l.kind === 'DISSEMINATION' && themed(l));
    return {
      theme,
      cases: byCase.size,
      findings: learning.filter((l) => l.kind === 'FINDING' && themed(l)).length,
      recommendations: recommendations.filter(
        (r) => r.themes.includes(theme) && caseIds.has(r.caseId),
      ).length,
      disseminations: spread.length,
      attendance: spread.reduce((sum, l) => sum + (l.attendance ?? 0), 0),
      reviews: [...byCase]
        .map(([caseId, sources]) => {
          const review = reviewOf.get(caseId);
          return {
            caseId,
            caseRef: caseRef(caseId),
            reviewType: review?.reviewType ?? null,
            publishedOn: review?.publishedOn ?? null,
            url: review?.url ?? null,
            learningSummaryUrl: review?.learningSummaryUrl ?? null,
            from: THEME_SOURCES.filter((s) => sources.some((m) => m.from === s)),
          };
        })
        .sort(
          (a, b) =>
            (b.publishedOn ?? '').localeCompare(a.publishedOn ?? '') ||
            a.caseRef.localeCompare(b.caseRef),
        )
        .slice(0, listed),
      spread: [...spread]
        .sort((a, b) => b.on.localeCompare(a.on))
        .slice(0, listed)
        .map((l) => ({
          caseId: l.caseId,
          caseRef: caseRef(l.caseId),
          on: l.on,
          format: l.format ?? '',
          audience: l.audience ?? '',
          attendance: l.attendance,
          link: l.link,
        })),
    };
  });
  const order = (theme: string) => (THEMES as readonly string[]).indexOf(theme);
  items.sort(
    (a, b) =>
      b.cases - a.cases ||
      b.findings + b.recommendations - (a.findings + a.recommendations) ||
      b.disseminations - a.disseminations ||
      order(a.theme) - order(b.theme),
  );
  return {
    cases: caseIds.size,
    mostCommon: items.slice(0, MOST_COMMON).map((t) => t.theme),
    items: only === undefined ? items : items.filter((t) => t.theme === only),
  };
}
