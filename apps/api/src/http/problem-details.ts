/** RFC 9457 problem details, the one shape every error answer takes. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  [extension: string]: unknown;
}

export interface FieldError {
  field: string;
  reason: string;
}

/** The request is malformed; each field says what is wrong with it. */
export class InvalidInput extends Error {
  readonly code = 'INVALID_INPUT';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.reason}`).join('; '));
    this.name = 'InvalidInput';
  }
}

export class ResourceNotFound extends Error {
  readonly code = 'RESOURCE_NOT_FOUND';
  constructor(message: string) {
    super(message);
    this.name = 'ResourceNotFound';
  }
}

/** The read models did not reach the position the client asked for in the time allowed. */
export class ReadModelsBehind extends Error {
  readonly code = 'READ_MODELS_BEHIND';
  constructor(
    readonly requested: bigint,
    readonly waitedMs: number,
  ) {
    super(`The read models have not reached position ${requested} after ${waitedMs} ms`);
    this.name = 'ReadModelsBehind';
  }
}

/** Too many reports are waiting to be built; the client should ask again shortly. */
export class ReportsBusy extends Error {
  readonly code = 'REPORTS_BUSY';
  constructor(readonly waiting: number) {
    super(`${waiting} reports are waiting to be built; try again shortly`);
    this.name = 'ReportsBusy';
  }
}
