import { createHash } from 'node:crypto';
import { pathOf, type SeedCase, type SeedRequest, SEED_CASES } from './seed-timelines';

export interface DemoLoadResult {
  requests: number;
  cases: number;
}

const SOURCE = 'seed: domain.md section 7';

/**
 * Loads the sample cases through the public API, exactly as a business unit would send them:
 * every request is validated and judged by the domain, nothing is written to a table. Each
 * case's requests go in the order their facts happened (the case timeline first on a tie), and
 * each carries the date the board knew it (`X-Known-On`) so "as known on" replays work for
 * history that predates the system, while the store keeps the real time of each append.
 * Each request's Idempotency-Key is derived from its content, so loading twice records
 * everything once, even after sample rows were added or reordered.
 */
export async function loadDemo(baseUrl: string, token: string, cases: readonly SeedCase[] = SEED_CASES): Promise<DemoLoadResult> {
  let requests = 0;
  for (const seed of cases) {
    for (const request of inOrderOfEvents(seed)) {
      await send(baseUrl, token, seed.caseId, request, keyOf(seed.caseId, request));
      requests++;
    }
  }
  return { requests, cases: cases.length };
}

const keyOf = (caseId: string, request: SeedRequest): string =>
  `demo-${createHash('sha256').update(JSON.stringify([caseId, request.path, request.body, request.knownOn ?? null])).digest('hex').slice(0, 40)}`;

function inOrderOfEvents(seed: SeedCase): SeedRequest[] {
  const all = [...seed.requests, ...(seed.actionPlan ?? []), ...(seed.escalations ?? [])];
  // Array.prototype.sort is stable: same-day requests keep case, plan, escalation order.
  return all.sort((a, b) => String(a.body.occurredOn).localeCompare(String(b.body.occurredOn)));
}

async function send(baseUrl: string, token: string, caseId: string, request: SeedRequest, key: string): Promise<void> {
  const path = pathOf(caseId, request);
  const res = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': key,
      'x-known-on': request.knownOn ?? String(request.body.occurredOn),
      'x-source': SOURCE,
    },
    body: JSON.stringify(request.body),
  });
  if (res.status !== 201) throw new Error(`Demo request ${path} (${String(request.body.occurredOn)}) refused: ${res.status} ${await res.text()}`);
}
