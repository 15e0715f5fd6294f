import { londonDateOf } from '@casetrail/domain';

/**
 * The service's only source of "now". The domain has no clock: handlers read this one and
 * pass the date into commands and queries, so tests can move time by providing another Clock.
 */
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's calendar date in England (Europe/London), as business dates are (domain.md §0.3). */
  today(): string {
    return londonDate(this.now());
  }
}

/** A clock stopped at a given instant, for tests and replays. */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  override now(): Date {
    return this.instant;
  }

  set(instant: Date): void {
    this.instant = instant;
  }
}

export const londonDate = (instant: Date): string => londonDateOf(instant.toISOString());
