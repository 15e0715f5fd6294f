import { type BusinessDate, daysBetween } from '@casetrail/domain';
import { groupBy, tally } from '../grouping';
import type { ParallelProcessFact, ProcessPause } from '../report-facts';

/**
 * The parallel-process register (domain.md §6.7): every criminal investigation, inquest, care
 * proceedings… recorded beside a case, open or concluded on a date, with its impact, how long it
 * has run, and the pauses of the review that cited it. The panel reads it to see what is holding
 * its reviews up. Pure: drawn from facts already read as of the date.
 */

export const PROCESS_STATUSES = ['OPEN', 'CONCLUDED'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export type RegisteredProcess = ParallelProcessFact & { caseRef: string };

export interface ProcessRegisterEntry extends RegisteredProcess {
  status: ProcessStatus;
  /** From its start to its conclusion, or to the date of the register while it is open. */
  daysOpen: number;
  /** Each pause of the review that cited it, by date. */
  pausedOn: BusinessDate[];
}

export interface ProcessRegister {
  total: number;
  open: number;
  concluded: number;
  openByType: Record<string, number>;
  items: ProcessRegisterEntry[];
}

/** Open ones first, the longest running first; then concluded ones, the latest first. */
export function buildProcessRegister(
  asOf: BusinessDate,
  processes: RegisteredProcess[],
  pauses: ProcessPause[],
  status?: ProcessStatus,
): ProcessRegister {
  const pausesOf = groupBy(pauses, (p) => `${p.caseId}\u0000${p.processId}`);
  const all = processes.map((p): ProcessRegisterEntry => {
    const concluded = p.concludedOn !== null;
    return {
      ...p,
      status: concluded ? 'CONCLUDED' : 'OPEN',
      daysOpen: daysBetween(p.startedOn, p.concludedOn ?? asOf),
      pausedOn: (pausesOf.get(`${p.caseId}\u0000${p.processId}`) ?? [])
        .map((pause) => pause.pausedOn)
        .sort(),
    };
  });
  const open = all.filter((p) => p.status === 'OPEN');
  const openByType = tally(open.map((p) => p.processType));
  const items = all
    .filter((p) => status === undefined || p.status === status)
    .sort(
      (a, b) =>
        PROCESS_STATUSES.indexOf(a.status) - PROCESS_STATUSES.indexOf(b.status) ||
        (a.status === 'OPEN'
          ? b.daysOpen - a.daysOpen
          : (b.concludedOn ?? '').localeCompare(a.concludedOn ?? '')) ||
        a.caseId.localeCompare(b.caseId) ||
        a.processId.localeCompare(b.processId),
    );
  return {
    total: all.length,
    open: open.length,
    concluded: all.length - open.length,
    openByType,
    items,
  };
}
