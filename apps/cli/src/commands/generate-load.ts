import { randomUUID } from 'node:crypto';
import { openEventStore, WrongExpectedVersion } from '@casetrail/event-store';
import type { Settings } from '@casetrail/settings';

export interface LoadOptions {
  writers: number;
  streams: number;
  seconds: number;
}

/**
 * Concurrent writers append single-event commands to random streams, each with the version
 * it read, and print one line per acknowledged event, only after the store has answered:
 *   ack <streamId> <version> <position> <eventId>
 * The crash test kills this process mid-run and checks every printed acknowledgement. Appends
 * are committed where the service commits them (CASETRAIL_COMMITS_THREAD).
 */
export async function generateLoad(settings: Settings, options: LoadOptions): Promise<number> {
  const store = openEventStore(settings.eventStore, { commits: settings.commitsThread });
  const deadline = Date.now() + options.seconds * 1000;
  let acknowledged = 0;
  const writer = async (w: number) => {
    while (Date.now() < deadline) {
      const streamId = `load-${Math.floor(Math.random() * options.streams)}`;
      const [tip] = await store.readStream(streamId, { direction: 'backwards', limit: 1 });
      const eventId = randomUUID();
      try {
        const result = await store.append(streamId, tip?.version ?? 0n, [
          {
            eventId,
            type: 'LoadGenerated',
            schemaVersion: 1,
            data: { writer: w, at: new Date().toISOString() },
            metadata: {
              actor: { userId: `writer-${w}`, displayName: `Writer ${w}`, agency: 'Load', roles: [] },
              partnershipId: 'load',
              correlationId: eventId,
              causationId: eventId,
              commandId: eventId,
            },
          },
        ]);
        process.stdout.write(`ack ${streamId} ${result.version} ${result.position} ${eventId}\n`);
        acknowledged++;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion)) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  await store.close();
  console.error(`acknowledged ${acknowledged} appends`);
  return 0;
}
