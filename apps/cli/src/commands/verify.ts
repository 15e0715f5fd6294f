import { globalLogPages, openEventStore, verifyChains } from '@casetrail/event-store';
import type { Settings } from '@casetrail/settings';

/** Needs nothing but the event data: no read models, no service running. */
export async function verify(settings: Settings): Promise<number> {
  const store = openEventStore(settings.eventStore);
  try {
    const report = await verifyChains(globalLogPages(store));
    console.log(JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2));
    if (!report.ok) {
      const link = report.firstBrokenLink!;
      console.error(
        `BROKEN: stream ${link.streamId} version ${link.version} (position ${link.position}): ${link.check} expected ${link.expected}, found ${link.found}`,
      );
    }
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}
