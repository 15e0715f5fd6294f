import { EsdbEventStore } from './esdb/esdb-event-store';
import type { EventStore } from './event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export type EventStoreConfig = { adapter: 'sqlite'; path: string } | { adapter: 'esdb'; connectionString: string };

export interface OpenEventStoreOptions {
  /** For SQLite: checkpoint the WAL from a worker thread, as a long-running service should. */
  checkpointInBackground?: boolean;
}

export function openEventStore(config: EventStoreConfig, options: OpenEventStoreOptions = {}): EventStore {
  return config.adapter === 'sqlite'
    ? new SqliteEventStore({ path: config.path, ...options })
    : new EsdbEventStore({ connectionString: config.connectionString });
}
