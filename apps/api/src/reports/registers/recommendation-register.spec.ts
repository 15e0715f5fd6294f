import type { ActionStatusOn } from '@casetrail/domain';
import {
  buildRecommendationRegister,
  type RegisteredRecommendation,
} from './recommendation-register';

describe('the unplanned and repeated recommendations register', () => {
  // A later review (case L, added 2017-03-01) repeats B1's CCG-1 (domain.md §7.1) and an SCR
  // not on record here; B1's OVR-23.1-i has no action, CCG-1 one action, complete.
  const rec = (
    caseId: string,
    recommendationId: string,
    addedOn: string,
    repeats: RegisteredRecommendation['repeats'] = null,
  ): RegisteredRecommendation => ({
    caseId,
    caseRef: `SCR ${caseId}`,
    recommendationId,
    number: recommendationId,
    text: `${recommendationId} text`,
    source: repeats ? 'REPEATED_FROM_PRIOR_REVIEW' : 'OVERVIEW_REPORT',
    scope: 'MULTI_AGENCY',
    addressedTo: 'Partnership',
    themes: [],
    addedOn,
    closedWithoutActionOn: null,
    repeats,
  });
  const recommendations = [
    rec('B1', 'CCG-1', '2015-03-02'),
    rec('B1', 'OVR-23.1-i', '2015-09-30'),
    rec('L', 'L-1', '2017-03-01', { review: 'SCR B1', caseId: 'B1', recommendationId: 'CCG-1' }),
    rec('L', 'L-2', '2017-03-01', { review: 'Child A SCR', number: '4' }),
  ];
  const derived = (status: ActionStatusOn['status'], rag: ActionStatusOn['rag']) =>
    ({ status, rag, slippageDays: 0, dueDateChangeCount: 0 }) as ActionStatusOn;
  const actions = [
    { caseId: 'B1', recommendationIds: ['CCG-1'], derived: derived('COMPLETE', 'BLUE') },
    // Cancelled: answers nothing.
    { caseId: 'L', recommendationIds: ['L-1', 'L-2'], derived: derived('CANCELLED', null) },
    { caseId: 'L', recommendationIds: ['L-1'], derived: derived('ON_TRACK', 'GREEN') },
  ];
  const request = { page: 1, pageSize: 50 };

  it('lists the unplanned first, longest waiting first, then the repeated with how the earlier stands', () => {
    const register = buildRecommendationRegister('2017-04-01', recommendations, actions, request);
    expect(
      register.items.map((r) => [r.recommendationId, r.status, r.daysUnplanned, r.actions]),
    ).toEqual([
      // 2015-09-30 to 2017-04-01: 92 + 366 + 91 days.
      ['OVR-23.1-i', 'UNPLANNED', 549, 0],
      // 2017-03-01 to 2017-04-01; its one action was cancelled.
      ['L-2', 'UNPLANNED', 31, 0],
      ['L-1', 'PLANNED', null, 1],
    ]);
    expect(register.items[2].repeats).toEqual({
      review: 'SCR B1',
      caseId: 'B1',
      recommendationId: 'CCG-1',
      earlier: {
        caseRef: 'SCR B1',
        number: 'CCG-1',
        text: 'CCG-1 text',
        status: 'PLANNED',
        actions: 1,
        complete: 1,
      },
    });
    expect(register.items[1].repeats).toEqual({
      review: 'Child A SCR',
      number: '4',
      earlier: null,
    });
    expect(register).toMatchObject({
      total: 3,
      unplanned: 2,
      repeated: 2,
      repeatedAndUnplanned: 1,
    });
  });

  it('leaves out a recommendation closed without action, unless it repeats one', () => {
    const closed = {
      ...rec('B1', 'OVR-23.1-i', '2015-09-30'),
      closedWithoutActionOn: '2016-01-01',
    };
    const register = buildRecommendationRegister('2017-04-01', [closed], [], request);
    expect(register.items).toEqual([]);
  });

  it('lists one kind when asked, counting both, a page at a time', () => {
    const repeated = buildRecommendationRegister('2017-04-01', recommendations, actions, {
      ...request,
      kind: 'REPEATED',
    });
    expect(repeated.items.map((r) => r.recommendationId)).toEqual(['L-2', 'L-1']);
    expect(repeated).toMatchObject({ total: 2, unplanned: 2 });
    const unplanned = buildRecommendationRegister('2017-04-01', recommendations, actions, {
      kind: 'UNPLANNED',
      page: 2,
      pageSize: 1,
    });
    expect(unplanned.items.map((r) => r.recommendationId)).toEqual(['L-2']);
    expect(unplanned.total).toBe(2);
  });
});
