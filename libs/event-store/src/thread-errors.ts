import { EventIdAlreadyUsed, WrongExpectedVersion } from './errors';

/**
 * An error as it crosses between threads: structured cloning keeps neither its class nor its
 * own fields, and refuses a field it cannot clone. Only fields of plain values are carried.
 */
export interface ThreadError {
  name: string;
  message: string;
  fields: Record<string, string | number | bigint | boolean | null>;
}

export function errorToThread(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: ThreadError['fields'] = {};
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ['string', 'number', 'bigint', 'boolean'].includes(typeof value))
      fields[key] = value as ThreadError['fields'][string];
  }
  return { name: error.name, message: error.message, fields };
}

/**
 * The store's own errors come back as their classes, with their fields; any other keeps its
 * name, message and code (what the service's problem answers read).
 */
export function errorFromThread(wire: ThreadError): Error {
  const f = wire.fields;
  if (wire.name === 'WrongExpectedVersion') {
    return new WrongExpectedVersion(
      f.streamId as string,
      f.expected as WrongExpectedVersion['expected'],
      f.actual as bigint,
    );
  }
  if (wire.name === 'EventIdAlreadyUsed') {
    return new EventIdAlreadyUsed(
      f.eventId as string,
      f.streamId as string,
      f.storedOnStreamId as string,
    );
  }
  const error = new Error(wire.message);
  error.name = wire.name;
  if (f.code !== undefined) Object.assign(error, { code: f.code });
  return error;
}
