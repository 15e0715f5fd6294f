import type { LearningFact, RecommendationFact, ReferralFact, ReviewFact } from '../report-facts';
import { buildLearningThemes } from './learning-themes';

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
});
