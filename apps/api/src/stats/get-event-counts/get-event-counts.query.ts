import { Query } from '@nestjs/cqrs';

export interface EventCount {
  eventType: string;
  count: number;
}

export class GetEventCounts extends Query<EventCount[]> {}
