import { EsdbEventStore } from './esdb/esdb-event-store';
import type { EventStore } from './event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export type EventStoreConfig = { adapter: 'sqlite'; path: string } | { adapter: 'esdb'; connectionString: string };

export function openEventStore(config: EventStoreConfig): EventStore {
  return config.adapter === 'sqlite'
    ? new SqliteEventStore({ path: config.path })
    : new EsdbEventStore({ connectionString: config.connectionString });
}
