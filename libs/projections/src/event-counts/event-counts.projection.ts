import type { Projection } from '../projection';

/**
 * The smallest useful read model: how many events of each type the log holds. Each row keeps
 * the last position it counted, so applying an event twice counts it once.
 */
export const eventCountsProjection: Projection = {
  name: 'event_counts',
  version: 1,
  handles: 'all',
  tables: ['event_counts'],
  createSchema: (t) => `
    CREATE TABLE ${t.event_counts} (
      event_type    TEXT    PRIMARY KEY,
      count         INTEGER NOT NULL,
      last_position INTEGER NOT NULL
    ) WITHOUT ROWID;`,
  bind(db, t) {
    const upsert = db.prepare(
      `INSERT INTO ${t.event_counts} (event_type, count, last_position) VALUES (?, 1, ?)
       ON CONFLICT (event_type) DO UPDATE SET count = count + 1, last_position = excluded.last_position
       WHERE excluded.last_position > ${t.event_counts}.last_position`,
    );
    return (event) => {
      upsert.run(event.type, event.position);
    };
  },
};
