import { EsdbEventStore } from './esdb/esdb-event-store';
import type { EventStore } from './event-store';
import type { BackgroundCheckpoints } from './sqlite/background-checkpoints';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export type EventStoreConfig = { adapter: 'sqlite'; path: string } | { adapter: 'esdb'; connectionString: string };

export interface OpenEventStoreOptions {
  /** For SQLite: the worker that checkpoints the WAL off the event loop, as a service should. */
  checkpoints?: BackgroundCheckpoints;
  /** For SQLite: where appends are committed (see SqliteEventStore). */
  commits?: 'main' | 'worker';
}

export function openEventStore(config: EventStoreConfig, options: OpenEventStoreOptions = {}): EventStore {
  return config.adapter === 'sqlite'
    ? new SqliteEventStore({ path: config.path, ...options })
    : new EsdbEventStore({ connectionString: config.connectionString });
}
