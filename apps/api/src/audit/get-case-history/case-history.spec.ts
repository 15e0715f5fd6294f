import { DEFAULT_CASE_DECIDER_CONFIG } from '@casetrail/domain';
import type { StoredEvent } from '@casetrail/event-store';
import { childT } from '@casetrail/projections/case-status/testing/sample-cases';
import { storedEvent as stored } from '../../testing/stored-events';
import { caseHistory, historyCsv, historyItem, whyOf } from './case-history';

describe('an audit trail entry', () => {
  it('collects the reasons a decision gives: the delay and the rationale', () => {
    const decided = childT.find((e) => e.type === 'DecisionRevised')!;
    expect(whyOf(decided.data)).toEqual({
      rationale: 'The Panel identified learning for the partnership.',
      reason: 'Panel challenge',
    });
    expect(
      whyOf({
        late: {
          clock: 'DECISION',
          dueOn: '2014-11-07',
          reason: { code: 'CHANGE_OF_STAFF', detail: 'Key personnel changed' },
        },
      }),
    ).toEqual({ reasonForDelay: 'change of staff: Key personnel changed' });
  });

  it('puts a coded reason into words', () => {
    expect(whyOf({ reason: 'PARALLEL_PROCESS', detail: 'Police investigation' })).toEqual({
      reason: 'parallel process',
      detail: 'Police investigation',
    });
  });

  describe('flags', () => {
    it('marks an entry made more than 7 days after the fact as late, and a missed deadline', () => {
      const notified = childT.find((e) => e.type === 'SeriousIncidentNotified')!;
      expect(historyItem(stored('case-T', 1, notified)).flags).toEqual([
        'LATE_ENTRY',
        'DEADLINE_MISSED',
      ]);
    });

    it('does not mark back-filled history late when the board knew it at the time', () => {
      const notified = childT.find((e) => e.type === 'SeriousIncidentNotified')!;
      const item = historyItem(stored('case-T', 1, notified, '2020-01-02'));
      expect(item.flags).toEqual(['BACK_FILLED', 'DEADLINE_MISSED']);
      expect(item.knownOn).toBe('2020-01-02');
    });
  });
});

describe('the trail of a case', () => {
  const tStream = () => childT.map((e, i) => stored('case-T', i + 1, e));
  let events: StoredEvent[];
  beforeAll(() => (events = tStream()));

  it('names the timescale of the regime the case is under', () => {
    const [published] = caseHistory(
      events,
      { types: ['ReviewPublished'] },
      DEFAULT_CASE_DECIDER_CONFIG,
    );
    expect(published.sentence).toContain('after the six-month target of 2020-08-05');
  });

  it('filters by type, by who recorded it and by business date, inclusive', () => {
    expect(
      caseHistory(events, { from: '2020-01-15', to: '2020-01-15' }).map((i) => i.type),
    ).toEqual(['RapidReviewCompleted', 'DecisionRecorded']);
    expect(caseHistory(events, { actor: 'ada' })).toHaveLength(childT.length);
    expect(caseHistory(events, { actor: 'grace' })).toEqual([]);
  });

  it('writes CSV with a header and one record per entry', () => {
    const csv = historyCsv(caseHistory(events, { types: ['DecisionRecorded'] }));
    const [header, record, end] = csv.split('\r\n');
    expect(header.split(',').slice(0, 5)).toEqual([
      'position',
      'streamId',
      'version',
      'eventId',
      'type',
    ]);
    expect(record).toMatch(/^\d+,case-T,5,case-T-5,DecisionRecorded,2020-01-15,/);
    expect(end).toBe('');
  });
});
