import type { BusinessDate, Regime } from '../calendar';
import type * as E from './case.events';

/**
 * What a user asks of a case. Each command carries `today` (the date in Europe/London when the
 * request arrived), because the domain has no clock of its own, and its payload in `data`.
 * Derived fields (deadlines, lateness) are left out: the decider computes them.
 */

/** A stage completed after its deadline must say why (domain.md §3.2); `reasonForDelay` is that answer. */
interface MaybeLate {
  reasonForDelay?: E.DelayReason;
}

type Command<Type extends string, Data> = { type: Type; today: BusinessDate; data: Data };

export type CaseCommand =
  | Command<'ReferCase', Omit<E.CaseReferred, 'decisionDueOn' | 'regime'> & { regime?: Regime }>
  | Command<'NotifySeriousIncident', Omit<E.SeriousIncidentNotified, 'dueOn' | 'late'> & MaybeLate>
  | Command<'ConsiderReferral', E.ReferralConsidered>
  | Command<'DeferDecision', E.DecisionDeferred>
  | Command<'StartRapidReview', Omit<E.RapidReviewStarted, 'dueOn'>>
  | Command<'CompleteRapidReview', Omit<E.RapidReviewCompleted, 'late'> & MaybeLate>
  | Command<'RecommendDecision', E.DecisionRecommended>
  | Command<'RecordDecision', Omit<E.DecisionRecorded, 'dueOn' | 'late'> & MaybeLate>
  | Command<'NotifyNationalPanel', Omit<E.NationalPanelNotified, 'dueOn'>>
  | Command<'RecordPanelResponse', E.PanelResponded>
  | Command<'ContestDecision', E.DecisionContested>
  | Command<'ReaffirmDecision', E.DecisionReaffirmed>
  | Command<'ReviseDecision', E.DecisionRevised>
  | Command<'RecordParallelProcess', E.ParallelProcessRecorded>
  | Command<'ConcludeParallelProcess', E.ParallelProcessConcluded>
  | Command<
      'CommissionReview',
      Omit<E.ReviewCommissioned, 'targetCompletionOn' | 'publicationDueOn'>
    >
  | Command<'PauseReview', E.ReviewPaused>
  | Command<'ResumeReview', E.ReviewResumed>
  | Command<'ExtendReviewTimescale', E.ReviewTimescaleExtended>
  | Command<'AppointReviewer', E.ReviewerAppointed>
  | Command<'AgreeTermsOfReference', E.TermsOfReferenceAgreed>
  | Command<'RecordAgencyReportDeclined', E.AgencyReportDeclined>
  | Command<'RecordPractitionerEvent', E.PractitionerEventHeld>
  | Command<'IdentifyLearning', E.LearningIdentified>
  | Command<'RecordFamilyInvolvement', E.FamilyInvolvementRecorded>
  | Command<'CompleteReport', E.ReportCompleted>
  | Command<'SignOffReport', Omit<E.ReportSignedOff, 'late'> & MaybeLate>
  | Command<'NotifyPanelOfPublication', E.PanelNotifiedOfPublication>
  | Command<'DeferPublication', E.PublicationDeferred>
  | Command<'PublishReview', Omit<E.ReviewPublished, 'late' | 'noticeShortfall'> & MaybeLate>
  | Command<'WithholdPublication', E.PublicationWithheld>
  | Command<'PresentReportToScrutiny', E.ReportPresentedToScrutiny>
  | Command<'EvaluateReview', E.ReviewEvaluated>
  | Command<'RecordFinding', E.FindingRecorded>
  | Command<'DisseminateLearning', E.LearningDisseminated>
  | Command<'AddRecommendation', E.RecommendationAdded>
  | Command<'CloseRecommendationWithoutAction', E.RecommendationClosedWithoutAction>
  | Command<'RecordNewInformation', E.NewInformationReceived>
  | Command<'TransitionRegime', Omit<E.RegimeTransitioned, 'fromRegime'>>
  | Command<
      'CloseCase',
      E.CaseClosed & {
        /**
         * Recommendations whose actions are all signed off, cancelled or superseded, as the
         * action read model sees them: actions live in their own streams (domain.md §5.1), so
         * the handler looks this up and the decider judges it.
         */
        recommendationsWithSettledActions: string[];
        openEscalations: number;
      }
    >
  | Command<'ReopenCase', E.CaseReopened>;

export type CaseCommandType = CaseCommand['type'];
export type CaseCommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;
