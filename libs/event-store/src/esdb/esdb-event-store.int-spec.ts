import { spawnSync } from 'node:child_process';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

/*
 * Runs the shared contract against a real EventStoreDB: the one at ESDB_URL, or else a
 * throwaway container. With neither, the suite is reported as skipped, never as passed.
 */

const IMAGE = 'eventstore/eventstore:24.10';
const HTTP_PORT = 2113;
const RUNTIME_PROBE_TIMEOUT_MS = 5_000;

/**
 * Jest cannot await at the top of a CommonJS test file, and describe vs describe.skip must be
 * chosen while the file loads. So testcontainers' own runtime detection runs in a child
 * process, synchronously and bounded in time.
 */
function containerRuntimeAvailable(): boolean {
  const probe = `require(${JSON.stringify(require.resolve('testcontainers'))})
    .getContainerRuntimeClient()
    .then(() => process.exit(0), () => process.exit(1));`;
  const result = spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore', timeout: RUNTIME_PROBE_TIMEOUT_MS });
  return result.status === 0;
}

const serverUrl = process.env.ESDB_URL;
const runnable = serverUrl !== undefined || containerRuntimeAvailable();
if (!runnable) {
  process.stderr.write(
    'EventStoreDB contract suite SKIPPED: no container runtime and no ESDB_URL ' +
      '(set ESDB_URL=esdb://localhost:2113?tls=false to run it)\n',
  );
}

let connectionString = serverUrl ?? '';
let container: StartedTestContainer | undefined;

(runnable ? describe : describe.skip)('EventStoreDB server', () => {
  beforeAll(async () => {
    if (serverUrl !== undefined) return;
    container = await new GenericContainer(IMAGE)
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_MEM_DB: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
      })
      .withExposedPorts(HTTP_PORT)
      .withWaitStrategy(Wait.forHttp('/health/live', HTTP_PORT).forStatusCode(204))
      .withStartupTimeout(120_000)
      .start();
    connectionString = `esdb://${container.getHost()}:${container.getMappedPort(HTTP_PORT)}?tls=false`;
  }, 180_000);

  afterAll(async () => {
    await container?.stop();
  }, 60_000);

  describeEventStoreContract('EventStoreDB', {
    async open() {
      return new EsdbEventStore({ connectionString });
    },
  });
});
