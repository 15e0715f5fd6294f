import { type CaseState, evolveCase, initialCaseState } from '@casetrail/domain';
import { childB1, childR, childT } from './testing/sample-cases';

describe('the case states the fold builds from the sample cases (domain.md §7)', () => {
  // A state spread at each event took V8's slow copy, and optional fields set by some events
  // gave each case history shapes of its own; the fold now keeps every field, always.
  it('gives every state, and every review in one, the same fields in one order', () => {
    const states = new Set<string>();
    const reviews = new Set<string>();
    for (const events of [childB1, childR, childT]) {
      let state: CaseState = initialCaseState();
      for (const event of events) {
        state = evolveCase(state, event);
        if (state.status === 'NOT_REFERRED') continue;
        states.add(Object.keys(state).join());
        if (state.review) reviews.add(Object.keys(state.review).join());
      }
    }
    expect([...states]).toHaveLength(1);
    expect([...reviews]).toHaveLength(1);
  });
});
