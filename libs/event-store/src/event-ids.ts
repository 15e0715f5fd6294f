import { v5 as uuidv5 } from 'uuid';

/** Namespace for Casetrail's derived event ids (a random constant, fixed forever). */
const EVENT_ID_NAMESPACE = '5b0e8a2e-8f3c-4d67-9a51-2f8f1c6d3e90';

/**
 * The id of the n-th event a command produces. Deterministic, so a retried command carries
 * the same ids and the store recognises it instead of appending twice.
 */
export const eventIdFor = (commandId: string, index: number): string =>
  uuidv5(`${commandId}#${index}`, EVENT_ID_NAMESPACE);
