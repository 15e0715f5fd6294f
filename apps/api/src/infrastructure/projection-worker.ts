import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
// Not the package's index, which loads the EventStoreDB client (12 MB of heap) for nothing here.
import { SqliteEventStore } from '@casetrail/event-store/sqlite/sqlite-event-store';
import { allProjections, ProjectionRunner, ReadModelStore } from '@casetrail/projections';

/**
 * The projection runner on a thread of its own (see ProjectionThread, which starts it): its own
 * connections to the event store and the read-model files, so applying events, committing them
 * and checkpointing the read models' WAL no longer take turns with the requests.
 */

export interface ProjectionWorkerData {
  eventStorePath: string;
  readModelsPath: string;
}

/** From the service to the worker. */
export type ToProjectionWorker = { type: 'appended' } | { type: 'stop' };

/** From the worker to the service. */
export type FromProjectionWorker =
  | { type: 'progress' }
  | { type: 'rebuilding'; names: string[] }
  | { type: 'log'; level: 'log' | 'error'; message: string };

function run(port: MessagePort, data: ProjectionWorkerData): void {
  const send = (message: FromProjectionWorker) => port.postMessage(message);
  const store = new SqliteEventStore({ path: data.eventStorePath });
  const readModels = new ReadModelStore(data.readModelsPath);
  const runner = new ProjectionRunner(store, readModels, allProjections, {
    logger: {
      log: (message) => send({ type: 'log', level: 'log', message }),
      error: (message) => send({ type: 'log', level: 'error', message }),
    },
    onProgress: () => send({ type: 'progress' }),
    onRebuilding: (names) => send({ type: 'rebuilding', names }),
  });
  runner.start();
  port.on('message', (message: ToProjectionWorker) => {
    if (message.type === 'appended') store.appendedElsewhere();
    if (message.type === 'stop') {
      void runner.stop().then(async () => {
        readModels.close();
        await store.close();
        // Nothing else keeps the thread alive: with its port closed it ends.
        port.close();
      });
    }
  });
}

if (parentPort) run(parentPort, workerData as ProjectionWorkerData);
