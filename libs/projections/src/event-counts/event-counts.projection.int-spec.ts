import { join } from 'node:path';
import type { StoredEvent } from '@casetrail/event-store';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { ReadModelStore } from '../read-model-store';
import { eventCountsProjection } from './event-counts.projection';

const dirs = temporaryDirectories();
afterAll(() => dirs.cleanup());

describe('the event counts projection', () => {
  it('counts each event once, even when it is applied twice', () => {
    const readModels = new ReadModelStore(join(dirs.make(), 'read-models.sqlite'));
    const t = ReadModelStore.tableNames(eventCountsProjection, 1n);
    readModels.db.exec(eventCountsProjection.createSchema(t));
    const apply = eventCountsProjection.bind(readModels.db, t);

    const events = [given('CaseReferred', 1n), given('DecisionRecorded', 2n), given('CaseReferred', 3n)];
    for (const event of [...events, ...events]) apply(event);

    expect(readModels.db.prepare(`SELECT event_type, count FROM ${t.event_counts} ORDER BY event_type`).all()).toEqual([
      { event_type: 'CaseReferred', count: 2n },
      { event_type: 'DecisionRecorded', count: 1n },
    ]);
    readModels.close();
  });
});

const given = (type: string, position: bigint) => ({ type, position }) as StoredEvent;
