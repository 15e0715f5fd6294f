import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../event-store';

export const sampleMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { userId: 'user-1', displayName: 'Test User', agency: 'Police', roles: ['business-unit'] },
  partnershipId: 'test-partnership',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  commandId: randomUUID(),
  ...overrides,
});

export const sampleEvent = (type: string, data: unknown = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  metadata: sampleMetadata(),
});
