import { pathOf, type SeedRequest } from '../../apps/api/src/demo/seed-timelines';
import type { TestApp } from './test-app';

/** A seed request and the bearer token of whoever sends it. */
export interface Outgoing {
  request: SeedRequest;
  token: string;
}

export const signedBy = (token: string, requests: readonly SeedRequest[] = []): Outgoing[] =>
  requests.map((request) => ({ request, token }));

export interface Sending {
  /** History entered after the fact: each request says when the board knew it (X-Known-On). */
  backFilled?: boolean;
  /** With back-filled history, where it came from (X-Source). */
  source?: string;
}

/**
 * Sends seed requests as a client would, in the order given, each with the Idempotency-Key
 * `<keyPrefix>-<index>`. Throws on any answer but 201; returns the last position appended.
 */
export async function sendSeedRequests(
  t: TestApp,
  caseId: string,
  requests: readonly Outgoing[],
  keyPrefix: string,
  { backFilled = false, source }: Sending = {},
): Promise<string> {
  let position = '0';
  for (const [i, { request, token }] of requests.entries()) {
    const path = pathOf(caseId, request);
    const call = t
      .http()
      .post(path)
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', `${keyPrefix}-${i}`);
    if (backFilled) call.set('X-Known-On', request.knownOn ?? String(request.body.occurredOn));
    if (backFilled && source) call.set('X-Source', source);
    const res = await call.send(request.body);
    if (res.status !== 201)
      throw new Error(
        `${path} (${String(request.body.occurredOn)}): ${res.status} ${JSON.stringify(res.body)}`,
      );
    position = String(res.body.position);
  }
  return position;
}
