import type { LearningFact, RecommendationFact, ReferralFact, ReviewFact } from '../report-facts';
import { buildLearningThemes, LISTED_PER_THEME } from './learning-themes';

describe('the learning themes register', () => {
  const referral = (caseId: string, themes: string[]): ReferralFact & { caseRef: string } => ({
    caseId,
    caseRef: `Ref ${caseId}`,
    referredOn: '2019-01-01',
    referringAgency: 'Police',
    subjects: [],
    themes,
  });
  const review = (caseId: string): ReviewFact => ({
    caseId,
    reviewId: `RV-${caseId}`,
    reviewType: 'LCSPR',
    methodology: 'SYSTEMS',
    commissionedOn: '2019-02-01',
    signedOffOn: '2019-09-01',
    publishedOn: '2019-10-01',
    url: `https://example.org/${caseId}`,
    learningSummaryUrl: `https://example.org/${caseId}/summary`,
  });
  const recommendation = (caseId: string, themes: string[]) =>
    ({ caseId, recommendationId: `${caseId}-1`, themes }) as RecommendationFact;
  const learning = (
    caseId: string,
    kind: LearningFact['kind'],
    themes: string[],
  ): LearningFact => ({
    caseId,
    kind,
    on: '2019-11-01',
    text: kind === 'FINDING' ? 'Found' : null,
    themes,
    format: kind === 'DISSEMINATION' ? 'LEARNING_EVENT' : null,
    audience: kind === 'DISSEMINATION' ? 'Schools' : null,
    attendance: kind === 'DISSEMINATION' ? 25 : null,
    link: null,
  });

  // A and B were reviewed; C had only a rapid review, whose learning was spread; D was referred
  // and never reviewed, so its themes are no learning of anyone's.
  const register = () =>
    buildLearningThemes({
      referrals: [
        referral('A', ['NEGLECT']),
        referral('B', ['SAFE_SLEEPING']),
        referral('C', []),
        referral('D', ['EXPLOITATION']),
      ],
      reviews: [review('A'), review('B')],
      recommendations: [recommendation('B', ['NEGLECT']), recommendation('D', ['EXPLOITATION'])],
      learning: [
        learning('A', 'FINDING', ['NEGLECT', 'EARLY_HELP']),
        learning('C', 'DISSEMINATION', ['SAFE_SLEEPING']),
      ],
    });

  it('ranks themes by the cases that met them, then what was found and recommended', () => {
    const { cases, items, mostCommon } = register();
    expect(cases).toBe(3);
    expect(
      items.map((t) => [t.theme, t.cases, t.findings, t.recommendations, t.disseminations]),
    ).toEqual([
      ['NEGLECT', 2, 1, 1, 0],
      ['SAFE_SLEEPING', 2, 0, 0, 1],
      ['EARLY_HELP', 1, 1, 0, 0],
    ]);
    expect(mostCommon).toEqual(['NEGLECT', 'SAFE_SLEEPING', 'EARLY_HELP']);
  });

  it('links each review’s report and learning summary, and says where it met the theme', () => {
    const neglect = register().items[0];
    expect(neglect.reviews).toEqual([
      {
        caseId: 'A',
        caseRef: 'Ref A',
        reviewType: 'LCSPR',
        publishedOn: '2019-10-01',
        url: 'https://example.org/A',
        learningSummaryUrl: 'https://example.org/A/summary',
        from: ['REFERRAL', 'FINDING'],
      },
      expect.objectContaining({ caseId: 'B', from: ['RECOMMENDATION'] }),
    ]);
  });

  it('keeps a rapid review’s spread learning, with no report to link', () => {
    const safeSleeping = register().items[1];
    expect(safeSleeping.reviews[1]).toEqual({
      caseId: 'C',
      caseRef: 'Ref C',
      reviewType: null,
      publishedOn: null,
      url: null,
      learningSummaryUrl: null,
      from: ['DISSEMINATION'],
    });
    expect(safeSleeping).toMatchObject({
      attendance: 25,
      spread: [{ caseId: 'C', format: 'LEARNING_EVENT' }],
    });
  });

  describe('at national scale', () => {
    // 25 reviews of neglect, published a month apart from 2019-01-01 (case N00 first).
    const many = Array.from({ length: 25 }, (_, i) => `N${String(i).padStart(2, '0')}`);
    const facts = {
      referrals: many.map((caseId) => referral(caseId, ['NEGLECT'])),
      reviews: many.map((caseId, i) => ({
        ...review(caseId),
        publishedOn: `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
      })),
      recommendations: [],
      learning: [],
    };

    it('lists the latest published 20 of a theme’s reviews, counting them all', () => {
      const [neglect] = buildLearningThemes(facts).items;
      expect(neglect.cases).toBe(25);
      expect(neglect.reviews).toHaveLength(LISTED_PER_THEME);
      // N24 published 2021-01-01, the latest; N05 the twentieth.
      expect(neglect.reviews[0]).toMatchObject({ caseId: 'N24', publishedOn: '2021-01-01' });
      expect(neglect.reviews.at(-1)).toMatchObject({ caseId: 'N05' });
    });

    it('lists every review of the one theme asked for', () => {
      const register = buildLearningThemes(
        {
          ...facts,
          referrals: [...facts.referrals, referral('X', ['SUICIDE'])],
          reviews: [...facts.reviews, review('X')],
        },
        'NEGLECT',
      );
      expect(register.items.map((t) => [t.theme, t.reviews.length])).toEqual([['NEGLECT', 25]]);
      expect(register.mostCommon).toEqual(['NEGLECT', 'SUICIDE']);
    });
  });
});
