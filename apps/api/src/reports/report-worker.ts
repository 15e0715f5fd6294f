import 'reflect-metadata';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { errorToThread, type ThreadError } from '@casetrail/event-store';
import { ReadModelStore } from '@casetrail/projections';
import { ActionViews } from '../action-plans/queries/action-views';
import { buildReport, type ReportName } from './report-builds';
import { ReportFacts } from './report-facts';

/**
 * The report builds on a thread of their own (see ReportThread, which starts it): its own
 * connection to the read-model file, one build at a time, each answered with the report or the
 * error it threw.
 */

export interface ReportWorkerData {
  readModelsPath: string;
}

/** From the service to the worker. */
export interface ToReportWorker {
  id: number;
  name: ReportName;
  query: unknown;
}

/** From the worker to the service. */
export type FromReportWorker = { id: number; report: unknown } | { id: number; error: ThreadError };

function run(port: MessagePort, data: ReportWorkerData): void {
  const readModels = new ReadModelStore(data.readModelsPath);
  const facts = new ReportFacts(readModels, new ActionViews(readModels));
  port.on('message', ({ id, name, query }: ToReportWorker) => {
    let answer: FromReportWorker;
    try {
      answer = { id, report: buildReport(facts, name, query as never) };
    } catch (thrown) {
      answer = { id, error: errorToThread(thrown) };
    }
    port.postMessage(answer);
  });
}

if (parentPort) run(parentPort, workerData as ReportWorkerData);
