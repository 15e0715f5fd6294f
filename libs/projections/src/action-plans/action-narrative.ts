import type { BusinessDate, ImpactAssessment, RagRating, StandingStatus } from '@casetrail/domain';
import type { HistoryEntry } from './action-plans.projection';

/**
 * What an action's history says was done, for the narrative of the progress report (domain.md
 * §6.4): the latest progress, the completion summary, the sign-off and the withdrawal, as far
 * as the facts visible on a day go.
 */
export interface ActionNarrative {
  latestProgress: { on: BusinessDate; rag: RagRating; narrative: string } | null;
  completionSummary: string | null;
  signOff: { on: BusinessDate; impactAssessment: ImpactAssessment } | null;
  withdrawnOn: BusinessDate | null;
}

/** @param visible the facts visible on the day, in stream order; `status` is derived from them. */
export function narrativeOf(
  status: StandingStatus,
  visible: readonly HistoryEntry[],
): ActionNarrative {
  const last = (type: string) => visible.filter((h) => h.type === type).at(-1);
  // By date, not stream order: progress entered late still yields to a later report (as §6.0 step 5).
  const progress = visible
    .filter((h) => h.type === 'ActionProgressRecorded')
    .reduce<HistoryEntry | undefined>(
      (latest, h) => (!latest || h.occurredOn >= latest.occurredOn ? h : latest),
      undefined,
    );
  const complete = status.status === 'COMPLETE';
  const signedOff = complete && status.subStatus === 'SIGNED_OFF';
  const completion = complete ? last('ActionCompleted') : undefined;
  const signOff = signedOff ? last('ActionCompletionSignedOff') : undefined;
  const withdrawal =
    status.status === 'CANCELLED'
      ? visible.filter((h) => h.type === 'ActionCancelled' || h.type === 'ActionSuperseded').at(-1)
      : undefined;
  return {
    latestProgress: progress
      ? {
          on: progress.occurredOn,
          rag: progress.data.rag as RagRating,
          narrative: String(progress.data.narrative),
        }
      : null,
    completionSummary: completion ? String(completion.data.summary) : null,
    signOff: signOff
      ? {
          on: signOff.occurredOn,
          impactAssessment: signOff.data.impactAssessment as ImpactAssessment,
        }
      : null,
    withdrawnOn: withdrawal?.occurredOn ?? null,
  };
}
