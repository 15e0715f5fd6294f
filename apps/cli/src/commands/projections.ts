import { openEventStore } from '@casetrail/event-store';
import { allProjections, ProjectionRunner, ReadModelStore } from '@casetrail/projections';
import type { Settings } from '@casetrail/settings';

async function withRunner<T>(settings: Settings, work: (runner: ProjectionRunner) => Promise<T>): Promise<T> {
  const store = openEventStore(settings.eventStore);
  const readModels = new ReadModelStore(settings.readModelsPath);
  try {
    return await work(new ProjectionRunner(store, readModels, allProjections));
  } finally {
    readModels.close();
    await store.close();
  }
}

/** Safe while the service runs: it keeps serving the old tables until the switch. */
export function rebuild(settings: Settings, name?: string): Promise<number> {
  return withRunner(settings, async (runner) => {
    const started = Date.now();
    // All of them from one pass over the log; one alone when named.
    const results = name ? [await runner.rebuild(name)] : await runner.rebuildAll();
    for (const result of results) {
      console.log(`rebuilt ${result.name}: generation ${result.generation}, checkpoint ${result.checkpoint}, ${Date.now() - started} ms`);
    }
    return 0;
  });
}

export function projectionStatus(settings: Settings): Promise<number> {
  return withRunner(settings, async (runner) => {
    console.log(JSON.stringify(await runner.status(), null, 2));
    return 0;
  });
}
