import type { AddressInfo } from 'node:net';
import {
  type ActionEvent,
  addDays,
  type BusinessDate,
  deriveActionStatus,
} from '@casetrail/domain';
import { EventStore, type StoredEvent } from '@casetrail/event-store';
import { historyEntryOf, narrativeOf } from '@casetrail/projections';
import {
  type ActionView,
  ActionViews,
  type AsOfMode,
} from '../../apps/api/src/action-plans/queries/action-views';
import { loadDemo } from '../../apps/api/src/demo/demo-loader';
import { FixedClock } from '../../apps/api/src/infrastructure/clock';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Every action's standing on a date is read from the status periods the action_plans projection
 * keeps, and the overdue lists (§6.2) from its overdue periods (issue #6: range reads instead of
 * deriving every action at query time). Here the first are held equal to the domain's own
 * derivation from each action's stream in the log, and the second to the first, on every fifth
 * day of the sample plans and on the days around their due dates, as effective and as known.
 */

const at = (date: string) => new Date(`${date}T12:00:00Z`);

/** What the list must say: every action derived on the day, the OVERDUE ones, most overdue first. */
function expected(views: ActionView[], ascending: boolean) {
  const overdue = views
    .filter((v) => v.derived.status === 'OVERDUE')
    .sort((a, b) => {
      const due = a.derived.currentDueDate!.localeCompare(b.derived.currentDueDate!);
      return (ascending ? -due : due) || (a.actionId < b.actionId ? -1 : 1);
    });
  const counts = (key: (v: ActionView) => string) =>
    [
      ...overdue.reduce(
        (m, v) => m.set(key(v), (m.get(key(v)) ?? 0) + 1),
        new Map<string, number>(),
      ),
    ]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return {
    items: overdue,
    total: overdue.length,
    byAgency: counts((v) => v.agency),
    byLead: counts((v) => v.lead.displayText),
  };
}

/** Each action's status and narrative on the day, derived afresh from its own events in the log. */
function derivedFromLog(streams: StoredEvent[][], day: BusinessDate, mode: AsOfMode) {
  return streams.flatMap((events) => {
    const visible = events
      .map(historyEntryOf)
      .filter((h) => h.occurredOn <= day && (mode === 'effective' || h.knownOn <= day));
    const derived = deriveActionStatus(
      visible.map((h) => ({ type: h.type, data: h.data }) as unknown as ActionEvent),
      day,
    );
    if (derived.status === 'ABSENT') return [];
    const actionId = events[0]!.streamId.slice('action-'.length);
    return [{ actionId, derived, narrative: narrativeOf(derived, visible) }];
  });
}

describe('actions on a date and the overdue lists, read from status periods', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'error' }, { clock: new FixedClock(at('2026-11-23')) });
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    await loadDemo(`http://127.0.0.1:${port}`, await t.tokenFor());
    // Wait for the read models to reach the end of the log.
    await t
      .http()
      .get(`/api/actions/overdue?minPosition=1&waitMs=5000`)
      .set('Authorization', `Bearer ${await t.tokenFor()}`)
      .expect(200);
  });
  afterAll(() => t.close());

  const days: BusinessDate[] = [];
  for (let day = '2014-12-01'; day <= '2023-06-30'; day = addDays(day, 5)) days.push(day);
  // Either side of due dates in the samples: B1-A02 04-08, A12 04-30, A09 09-30, SK-A4 04-30.
  for (const due of ['2015-04-08', '2015-04-30', '2015-09-30', '2015-12-31', '2021-04-30'])
    days.push(due, addDays(due, 1));

  it.each<[AsOfMode]>([['effective'], ['known']])(
    'every action stands as its own events in the log derive it, as %s',
    async (mode) => {
      const store = t.app.get(EventStore);
      const actionIds = (await store.readAll({ after: 0n, limit: 100_000 }))
        .filter((e) => e.type === 'ActionPlanned')
        .map((e) => e.streamId);
      const streams = await Promise.all(actionIds.map((id) => store.readStream(id)));
      const views = t.app.get(ActionViews);
      const statuses = new Set<string>();
      for (const day of days.sort()) {
        const expectedViews = derivedFromLog(streams, day, mode).sort((a, b) =>
          a.actionId < b.actionId ? -1 : 1,
        );
        const actual = views
          .withNarrative(day, mode, {})
          .map(({ actionId, derived, latestProgress, completionSummary, signOff, withdrawnOn }) => ({
            actionId,
            derived,
            narrative: { latestProgress, completionSummary, signOff, withdrawnOn },
          }));
        expect({ day, actions: actual }).toEqual({ day, actions: expectedViews });
        actual.forEach((a) => statuses.add(a.derived.status));
      }
      // Not vacuous: the samples pass through every status over these days.
      expect([...statuses].sort()).toEqual(
        ['AT_RISK', 'COMPLETE', 'ON_TRACK', 'OVERDUE', 'UNSCHEDULED'].sort(),
      );
    },
  );

  it.each<[AsOfMode]>([['effective'], ['known']])(
    'the overdue lists equal the overdue actions among them, as %s',
    async (mode) => {
      const views = t.app.get(ActionViews);
      let overdueDays = 0;
      for (const day of days.sort()) {
        for (const [filter, ascending] of [
          [{}, false],
          [{}, true],
          [{ agency: 'leicester city ccg' }, false],
          [{ lead: 'safeguarding', monitoringBody: 'PAQA' }, false],
          [{ caseId: 'B1' }, true],
        ] as const) {
          const list = views.overdue(day, mode, filter, { ascending, page: 1, pageSize: 200 });
          expect({ day, ...list }).toEqual({
            day,
            ...expected(views.asOf(day, mode, filter), ascending),
          });
          if (list.total > 0) overdueDays++;
        }
      }
      // Not vacuous: the samples have actions overdue on many of these days.
      expect(overdueDays).toBeGreaterThan(50);
    },
  );

  it('pages the same list', async () => {
    const views = t.app.get(ActionViews);
    const whole = views.overdue(
      '2015-05-01',
      'effective',
      {},
      { ascending: false, page: 1, pageSize: 200 },
    );
    const second = views.overdue(
      '2015-05-01',
      'effective',
      {},
      { ascending: false, page: 2, pageSize: 1 },
    );
    expect(whole.total).toBeGreaterThan(1);
    expect(second.items.map((v) => v.actionId)).toEqual([whole.items[1]!.actionId]);
    expect(second.total).toBe(whole.total);
  });
});
