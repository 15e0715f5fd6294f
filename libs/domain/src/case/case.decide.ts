import {
  type BusinessDate,
  type ClockRules,
  DEFAULT_CLOCK_RULES,
  decisionAuthorityFor,
  dueDate,
  englandAndWales,
  noticeLeadTime,
  type RegimeClockRules,
  regimeInForceOn,
  REGIMES,
  type WorkingDayCalendar,
} from '../calendar';
import type { Decider } from '../decider';
import type { CaseCommand, CaseCommandOf } from './case.commands';
import type { CaseEvent, RecommendationAdded } from './case.events';
import { assertPseudonym, lateness, must, notBefore, notInFuture } from './case.rules';
import {
  type CaseState,
  commissionsReview,
  currentDecision,
  evolveCase,
  initialCaseState,
  type OpenCase,
} from './case.state';
import type { DecisionOutcome, ReviewType } from './case.vocabulary';

export interface CaseDeciderConfig {
  clockRules: ClockRules;
  calendar: WorkingDayCalendar;
  /** Words that must never appear in a pseudonym (a partnership's own list of real names). */
  forbiddenNames: ReadonlySet<string>;
}

export const DEFAULT_CASE_DECIDER_CONFIG: CaseDeciderConfig = {
  clockRules: DEFAULT_CLOCK_RULES,
  calendar: englandAndWales,
  forbiddenNames: new Set(),
};

/** Which review types each decision outcome commissions (domain.md §3.5, §5.3). */
const REVIEW_TYPES_FOR: Record<DecisionOutcome, readonly ReviewType[]> = {
  SCR_COMMISSIONED: ['SCR'],
  LCSPR_COMMISSIONED: ['LCSPR'],
  ALTERNATIVE_REVIEW: [
    'PARTNERSHIP_REVIEW',
    'LEARNING_REVIEW',
    'SINGLE_AGENCY_REVIEW',
    'THEMATIC',
    'JOINT_WITH_DHR_SAR',
  ],
  NO_FURTHER_ACTION: [],
  REFERRED_FOR_NATIONAL_REVIEW: ['NATIONAL'],
};

/** Statutory reviews, whose reviewers must be independent of the agencies involved (§5.3). */
const INDEPENDENCE_REQUIRED: ReadonlySet<ReviewType> = new Set(['SCR', 'LCSPR']);

const REVIEW_STAGES = new Set([
  'REVIEW_IN_PROGRESS',
  'REVIEW_PAUSED',
  'REPORT_SIGNED_OFF',
  'PUBLICATION_DEFERRED',
  'PUBLISHED',
  'PUBLICATION_WITHHELD',
]);

/**
 * The case lifecycle (domain.md §3, §5.2–5.4, §5.7) as a pure decider. Deadlines come from the
 * regime's clock rules and the working-day calendar given here, never from a clock.
 */
export function createCaseDecider(
  config: CaseDeciderConfig = DEFAULT_CASE_DECIDER_CONFIG,
): Decider<CaseCommand, CaseEvent, CaseState> {
  const rulesOf = (state: OpenCase): RegimeClockRules => config.clockRules.regimes[state.regime];
  const due = (timescale: Parameters<typeof dueDate>[0] | undefined, anchor: BusinessDate) =>
    timescale ? dueDate(timescale, anchor, config.calendar) : undefined;

  function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
    notInFuture(command.data.occurredOn, command.today);
    if (command.type === 'ReferCase') return refer(command, state);
    must(
      state.status !== 'NOT_REFERRED',
      ruleBeforeReferral(command.type),
      `Case has not been referred: nothing can be recorded on it yet`,
    );
    const s = state as OpenCase;
    if (command.type === 'ReopenCase') {
      must(s.status === 'CLOSED', 'only-a-closed-case-reopens', `Case is ${s.status}, not CLOSED`);
      notBefore(command.data.occurredOn, s.closedOn, 'reopening-not-before-closure', 'Reopened');
      return [{ type: 'CaseReopened', data: command.data }];
    }
    must(
      s.status !== 'CLOSED',
      'no-change-to-closed-case',
      `Case was closed on ${s.closedOn}: reopen it first`,
    );
    if (command.type !== 'RecordParallelProcess') {
      notBefore(
        command.data.occurredOn,
        s.referredOn,
        'no-date-before-referral',
        `${command.type} is dated before the referral`,
      );
    }
    return decideOnOpenCase(command, s);
  }

  function refer(command: CaseCommandOf<'ReferCase'>, state: CaseState): CaseEvent[] {
    must(
      state.status === 'NOT_REFERRED',
      'case-already-referred',
      `Case ${command.data.caseId} already exists`,
    );
    const { data } = command;
    must(
      data.subjects.some((s) => s.role === 'SUBJECT'),
      'case-needs-a-subject',
      'At least one subject with role SUBJECT is required',
    );
    data.subjects.forEach((s) => assertPseudonym(s.pseudonym, config.forbiddenNames));
    notInFuture(data.becameAwareOn, command.today, 'becameAwareOn');
    if (data.incident.date && data.incident.datePrecision === 'DAY') {
      notBefore(data.occurredOn, data.incident.date, 'referral-not-before-incident', 'Referred');
      notBefore(
        data.becameAwareOn,
        data.incident.date,
        'awareness-not-before-incident',
        'Became aware',
      );
    }
    const regime = regimeInForceOn(data.occurredOn, config.clockRules);
    must(
      data.regime === undefined || data.regime === regime,
      'regime-follows-referral-date',
      `A case referred on ${data.occurredOn} falls under ${regime}, not ${data.regime}; record a RegimeTransitioned to change it`,
    );
    const decisionDueOn = due(config.clockRules.regimes[regime].decision, data.occurredOn);
    return [
      { type: 'CaseReferred', data: { ...data, regime, ...(decisionDueOn && { decisionDueOn }) } },
    ];
  }

  function decideOnOpenCase(
    command: Exclude<CaseCommand, { type: 'ReferCase' | 'ReopenCase' }>,
    s: OpenCase,
  ): CaseEvent[] {
    const on = command.data.occurredOn;
    const decision = currentDecision(s);
    switch (command.type) {
      case 'NotifySeriousIncident': {
        const { reasonForDelay, ...data } = command.data;
        notBefore(on, data.becameAwareOn, 'notification-not-before-awareness', 'Notified');
        must(
          !s.seriousIncidentNotifiedOn,
          'one-serious-incident-notification',
          `Already notified on ${s.seriousIncidentNotifiedOn}`,
        );
        const dueOn = due(rulesOf(s).seriousIncidentNotification, data.becameAwareOn);
        const late = lateness(
          'SERIOUS_INCIDENT_NOTIFICATION',
          on,
          dueOn,
          reasonForDelay,
          'late-notification-needs-reason',
        );
        return [
          {
            type: 'SeriousIncidentNotified',
            data: { ...data, ...(dueOn && { dueOn }), ...(late && { late }) },
          },
        ];
      }
      case 'ConsiderReferral':
        must(
          !decision || s.openContest,
          'no-consideration-after-decision',
          'A decision is already in force: revise it instead',
        );
        return [{ type: 'ReferralConsidered', data: command.data }];
      case 'DeferDecision':
        must(!decision, 'no-deferral-after-decision', 'A decision is already in force');
        return [{ type: 'DecisionDeferred', data: command.data }];
      case 'StartRapidReview': {
        const rule = rulesOf(s).rapidReview;
        must(
          rule,
          'rapid-review-needs-2018-regime',
          `${s.regime} has no rapid review; rapid reviews start under WT2018`,
        );
        must(
          s.seriousIncidentNotifiedOn,
          'rapid-review-needs-notification',
          'A serious incident notification must be recorded first (WT2018)',
        );
        must(
          !s.rapidReview,
          'one-rapid-review',
          `A rapid review started on ${s.rapidReview?.startedOn}`,
        );
        const anchor = rule.anchor === 'AWARENESS' ? s.becameAwareOn : s.seriousIncidentNotifiedOn;
        return [
          {
            type: 'RapidReviewStarted',
            data: { ...command.data, dueOn: dueDate(rule, anchor, config.calendar) },
          },
        ];
      }
      case 'CompleteRapidReview': {
        const { reasonForDelay, ...data } = command.data;
        must(
          s.rapidReview && !s.rapidReview.completedOn,
          'rapid-review-must-be-running',
          'No rapid review is running',
        );
        notBefore(
          on,
          s.rapidReview.startedOn,
          'completion-not-before-start',
          'Rapid review completed',
        );
        const late = lateness(
          'RAPID_REVIEW',
          on,
          s.rapidReview.dueOn,
          reasonForDelay,
          'late-rapid-review-needs-reason',
        );
        return [{ type: 'RapidReviewCompleted', data: { ...data, ...(late && { late }) } }];
      }
      case 'RecommendDecision':
        must(
          !decision || s.openContest,
          'no-recommendation-after-decision',
          'A decision is already in force',
        );
        return [{ type: 'DecisionRecommended', data: command.data }];
      case 'RecordDecision': {
        const { reasonForDelay, ...data } = command.data;
        must(
          !decision,
          'only-one-current-decision',
          `Decision ${decision?.decisionId} is in force: revise it instead`,
        );
        must(
          !s.decisions.some((d) => d.decisionId === data.decisionId),
          'decision-id-is-new',
          `Decision id ${data.decisionId} is taken`,
        );
        must(
          data.rationale.trim().length > 0,
          'decision-needs-rationale',
          'A decision records its rationale',
        );
        checkAuthority(s, data.decidedBy.role);
        checkOutcome(data.outcome, data.alternativeReviewType);
        const late = lateness(
          'DECISION',
          on,
          s.decisionDueOn,
          reasonForDelay,
          'late-decision-needs-reason',
        );
        return [
          {
            type: 'DecisionRecorded',
            data: {
              ...data,
              ...(s.decisionDueOn && { dueOn: s.decisionDueOn }),
              ...(late && { late }),
            },
          },
        ];
      }
      case 'NotifyNationalPanel': {
        const target = command.data.decisionId
          ? s.decisions.find((d) => d.decisionId === command.data.decisionId)
          : undefined;
        must(
          !command.data.decisionId || target,
          'notified-decision-must-exist',
          `No decision ${command.data.decisionId} on this case`,
        );
        if (target)
          notBefore(on, target.decidedOn, 'notification-not-before-decision', 'Panel notified');
        const timescale =
          target && !commissionsReview(target.outcome)
            ? rulesOf(s).noReviewDecisionToPanel
            : undefined;
        const dueOn = target && due(timescale, target.decidedOn);
        return [
          { type: 'NationalPanelNotified', data: { ...command.data, ...(dueOn && { dueOn }) } },
        ];
      }
      case 'RecordPanelResponse': {
        must(
          decision && decision.decisionId === command.data.decisionId,
          'response-to-current-decision',
          'The Panel can only respond to the current decision',
        );
        must(
          wasSentToPanel(s, decision.decisionId),
          'contested-decision-was-notified',
          'The decision was never notified to the Panel',
        );
        notBefore(on, decision.decidedOn, 'response-not-before-decision', 'Panel responded');
        const responded: CaseEvent = { type: 'PanelResponded', data: command.data };
        if (command.data.agreesWithDecision) return [responded];
        must(
          !s.openContest,
          'one-open-contest',
          `A contest is already open since ${s.openContest?.since}`,
        );
        return [
          responded,
          {
            type: 'DecisionContested',
            data: {
              occurredOn: on,
              decisionId: decision.decisionId,
              contestedBy: 'NATIONAL_PANEL',
              grounds: command.data.comments,
            },
          },
        ];
      }
      case 'ContestDecision':
        must(
          decision && decision.decisionId === command.data.decisionId,
          'contest-current-decision',
          'Only the current decision can be contested',
        );
        must(
          wasSentToPanel(s, decision.decisionId),
          'contested-decision-was-notified',
          'The decision was never notified to the Panel',
        );
        must(
          !s.openContest,
          'one-open-contest',
          `A contest is already open since ${s.openContest?.since}`,
        );
        notBefore(on, decision.decidedOn, 'contest-not-before-decision', 'Contested');
        return [{ type: 'DecisionContested', data: command.data }];
      case 'ReaffirmDecision':
        must(
          s.openContest && s.openContest.decisionId === command.data.decisionId,
          'reaffirmation-needs-open-contest',
          'No open contest on that decision',
        );
        notBefore(on, s.openContest.since, 'reaffirmation-not-before-contest', 'Reaffirmed');
        return [{ type: 'DecisionReaffirmed', data: command.data }];
      case 'ReviseDecision': {
        const data = command.data;
        must(
          decision && decision.decisionId === data.supersedesDecisionId,
          'revision-supersedes-current-decision',
          `Decision ${data.supersedesDecisionId} is not the current decision`,
        );
        must(
          data.reason.trim().length > 0,
          'revision-needs-reason',
          'A revised decision needs a reason',
        );
        must(
          data.outcome !== decision.outcome || data.criteriaMet !== decision.criteriaMet,
          'revision-must-change-something',
          'The outcome or the criteria assessment must differ',
        );
        must(
          !s.decisions.some((d) => d.decisionId === data.decisionId),
          'decision-id-is-new',
          `Decision id ${data.decisionId} is taken`,
        );
        must(
          !REVIEW_STAGES.has(s.status) || s.status === 'PUBLISHED',
          'no-revision-during-review',
          'The review is under way; record new information on the review instead',
        );
        notBefore(on, decision.decidedOn, 'revision-not-before-decision', 'Revised');
        checkAuthority(s, data.decidedBy.role);
        checkOutcome(data.outcome, data.alternativeReviewType);
        return [{ type: 'DecisionRevised', data }];
      }
      case 'RecordParallelProcess':
        must(
          !s.parallelProcesses.some((p) => p.processId === command.data.processId),
          'parallel-process-id-is-new',
          `Process ${command.data.processId} exists`,
        );
        return [{ type: 'ParallelProcessRecorded', data: command.data }];
      case 'ConcludeParallelProcess': {
        const process = s.parallelProcesses.find((p) => p.processId === command.data.processId);
        must(
          process && !process.concludedOn,
          'parallel-process-must-be-open',
          `No open parallel process ${command.data.processId}`,
        );
        notBefore(on, process.startedOn, 'conclusion-not-before-start', 'Concluded');
        return [{ type: 'ParallelProcessConcluded', data: command.data }];
      }
      case 'CommissionReview': {
        must(
          decision && commissionsReview(decision.outcome) && !s.openContest,
          'no-review-before-decision-to-commission',
          'The current decision does not commission a review',
        );
        must(
          !s.review,
          'one-active-review',
          `Review ${s.review?.reviewId} was commissioned on ${s.review?.commissionedOn}`,
        );
        // An alternative review was decided as one kind (§3.5): that kind, not any of them.
        const decidedTypes: readonly ReviewType[] =
          decision.outcome === 'ALTERNATIVE_REVIEW' && decision.alternativeReviewType
            ? [decision.alternativeReviewType]
            : REVIEW_TYPES_FOR[decision.outcome];
        must(
          decidedTypes.includes(command.data.reviewType),
          'review-type-matches-decision',
          `${decision.outcome} does not commission a ${command.data.reviewType}`,
        );
        notBefore(on, decision.decidedOn, 'commissioning-not-before-decision', 'Commissioned');
        const targetCompletionOn =
          due(rulesOf(s).reviewCompletion, decision.decidedOn) ?? decision.decidedOn;
        const publicationDueOn = due(rulesOf(s).publication, decision.decidedOn);
        return [
          {
            type: 'ReviewCommissioned',
            data: {
              ...command.data,
              targetCompletionOn,
              ...(publicationDueOn && { publicationDueOn }),
            },
          },
        ];
      }
      case 'PauseReview': {
        must(s.review, 'no-pause-without-review', 'No review has been commissioned');
        must(
          s.status !== 'REVIEW_PAUSED',
          'review-already-paused',
          `The review has been paused since ${s.review.pausedSince}`,
        );
        must(
          s.status === 'REVIEW_IN_PROGRESS',
          'only-a-review-in-progress-pauses',
          `The review is ${s.status}`,
        );
        const open = new Set(
          s.parallelProcesses.filter((p) => !p.concludedOn).map((p) => p.processId),
        );
        must(
          command.data.parallelProcessIds.every((id) => open.has(id)),
          'pause-references-open-processes',
          'Every referenced parallel process must be open',
        );
        must(
          command.data.parallelProcessIds.length > 0 || command.data.detail.trim(),
          'pause-needs-reason',
          'A pause references an open parallel process or gives a reason',
        );
        notBefore(
          on,
          s.review.lastResumedOn ?? s.review.commissionedOn,
          'pause-not-before-review',
          'Paused',
        );
        return [{ type: 'ReviewPaused', data: command.data }];
      }
      case 'ResumeReview':
        must(s.status === 'REVIEW_PAUSED', 'review-not-paused', `The review is ${s.status}`);
        notBefore(on, s.review!.pausedSince, 'resumption-not-before-pause', 'Resumed');
        return [{ type: 'ReviewResumed', data: command.data }];
      case 'ExtendReviewTimescale':
        must(
          s.review && !s.review.signedOffOn,
          'extension-needs-open-review',
          'No review is open to extend',
        );
        must(
          command.data.newTargetOn > (s.review.extendedTargetOn ?? s.review.targetCompletionOn),
          'extension-must-move-target-later',
          `The target is ${s.review.extendedTargetOn ?? s.review.targetCompletionOn}`,
        );
        return [{ type: 'ReviewTimescaleExtended', data: command.data }];
      case 'AppointReviewer': {
        must(s.review, 'no-reviewer-without-review', 'No review has been commissioned');
        must(
          !INDEPENDENCE_REQUIRED.has(s.review.reviewType) ||
            command.data.independenceStatement?.trim(),
          'reviewer-independence-statement-required',
          `A reviewer of an ${s.review.reviewType} states their independence of the agencies involved`,
        );
        notBeforeCommissioning(on, s.review.commissionedOn, 'Appointed');
        return [{ type: 'ReviewerAppointed', data: command.data }];
      }
      case 'AgreeTermsOfReference':
        must(s.review, 'no-terms-of-reference-without-review', 'No review has been commissioned');
        must(
          command.data.periodFrom <= command.data.periodTo,
          'terms-period-in-order',
          `The period runs from ${command.data.periodFrom} to ${command.data.periodTo}: it ends before it starts`,
        );
        notBeforeCommissioning(on, s.review.commissionedOn, 'Terms of reference agreed');
        return [{ type: 'TermsOfReferenceAgreed', data: command.data }];
      case 'RecordAgencyReportDeclined':
        must(s.review, 'no-agency-report-without-review', 'No review has been commissioned');
        notBeforeCommissioning(on, s.review.commissionedOn, 'Declined');
        return [{ type: 'AgencyReportDeclined', data: command.data }];
      case 'RecordPractitionerEvent':
        must(s.review, 'no-practitioner-event-without-review', 'No review has been commissioned');
        notBeforeCommissioning(on, s.review.commissionedOn, 'Practitioner event held');
        return [{ type: 'PractitionerEventHeld', data: command.data }];
      case 'IdentifyLearning':
        // Learning may come before any report (Child R's immediate learning, domain.md §5.3).
        must(
          decision || s.rapidReview,
          'no-learning-before-decision-or-rapid-review',
          'Learning follows a decision or a rapid review',
        );
        return [{ type: 'LearningIdentified', data: command.data }];
      case 'RecordFamilyInvolvement':
        must(
          command.data.involvement !== 'NOT_PURSUED' || command.data.reason?.trim(),
          'not-pursuing-family-needs-reason',
          'A decision not to involve the family needs a reason',
        );
        return [{ type: 'FamilyInvolvementRecorded', data: command.data }];
      case 'CompleteReport':
        must(s.review, 'no-report-without-review', 'No review has been commissioned');
        notBefore(
          on,
          s.review.commissionedOn,
          'report-not-before-commissioning',
          'Report completed',
        );
        return [{ type: 'ReportCompleted', data: command.data }];
      case 'SignOffReport': {
        const { reasonForDelay, ...data } = command.data;
        must(s.review, 'no-sign-off-without-review', 'No review has been commissioned');
        must(
          s.status === 'REVIEW_IN_PROGRESS',
          'sign-off-needs-review-in-progress',
          s.status === 'REVIEW_PAUSED'
            ? 'The review is paused: resume it first'
            : `The review is ${s.status}`,
        );
        notBefore(on, s.review.commissionedOn, 'sign-off-not-before-commissioning', 'Signed off');
        const late = lateness(
          'REVIEW_COMPLETION',
          on,
          s.review.targetCompletionOn,
          reasonForDelay,
          'late-completion-needs-reason',
        );
        return [{ type: 'ReportSignedOff', data: { ...data, ...(late && { late }) } }];
      }
      case 'NotifyPanelOfPublication':
        must(
          s.review?.signedOffOn,
          'no-publication-before-sign-off',
          'The report has not been signed off',
        );
        notBefore(
          command.data.plannedPublicationOn,
          on,
          'planned-publication-not-before-notice',
          'Planned publication',
        );
        return [{ type: 'PanelNotifiedOfPublication', data: command.data }];
      case 'DeferPublication':
        must(
          s.status === 'REPORT_SIGNED_OFF' || s.status === 'PUBLICATION_DEFERRED',
          'no-publication-before-sign-off',
          `The review is ${s.status}`,
        );
        notBefore(on, s.review!.signedOffOn, 'deferral-not-before-sign-off', 'Deferred');
        return [{ type: 'PublicationDeferred', data: command.data }];
      case 'PublishReview': {
        const { reasonForDelay, ...data } = command.data;
        must(
          s.status === 'REPORT_SIGNED_OFF' || s.status === 'PUBLICATION_DEFERRED',
          'no-publication-before-sign-off',
          `The review is ${s.status}: the report must be signed off first`,
        );
        notBefore(on, s.review!.signedOffOn, 'publication-not-before-sign-off', 'Published');
        const late = lateness(
          'PUBLICATION',
          on,
          s.review!.publicationDueOn,
          reasonForDelay,
          'late-publication-needs-reason',
        );
        const noticeShortfall = shortNotice(s, on);
        return [
          {
            type: 'ReviewPublished',
            data: { ...data, ...(late && { late }), ...(noticeShortfall && { noticeShortfall }) },
          },
        ];
      }
      case 'WithholdPublication':
        must(
          s.status === 'REPORT_SIGNED_OFF' || s.status === 'PUBLICATION_DEFERRED',
          'no-publication-before-sign-off',
          `The review is ${s.status}`,
        );
        return [{ type: 'PublicationWithheld', data: command.data }];
      case 'PresentReportToScrutiny':
        must(
          s.review?.signedOffOn,
          'no-scrutiny-before-sign-off',
          'The report has not been signed off',
        );
        notBefore(on, s.review.signedOffOn, 'scrutiny-not-before-sign-off', 'Presented');
        return [{ type: 'ReportPresentedToScrutiny', data: command.data }];
      case 'EvaluateReview':
        must(
          s.review?.signedOffOn,
          'no-evaluation-before-sign-off',
          'The report has not been signed off',
        );
        notBefore(on, s.review.signedOffOn, 'evaluation-not-before-sign-off', 'Evaluated');
        return [{ type: 'ReviewEvaluated', data: command.data }];
      case 'DisseminateLearning':
        must(
          decision || s.rapidReview,
          'no-dissemination-before-learning',
          'Learning is spread once a decision or a rapid review has found some',
        );
        return [{ type: 'LearningDisseminated', data: command.data }];
      case 'RecordFinding':
        must(
          !s.findingIds.includes(command.data.findingId),
          'finding-id-is-new',
          `Finding ${command.data.findingId} exists`,
        );
        must(
          decision,
          'no-findings-before-decision',
          'Findings follow a decision (a review, or learning from a rapid review)',
        );
        return [{ type: 'FindingRecorded', data: command.data }];
      case 'AddRecommendation':
        must(
          decision,
          'no-recommendations-before-decision',
          'Recommendations follow a decision (domain.md §3.2)',
        );
        must(
          !s.recommendations.some((r) => r.recommendationId === command.data.recommendationId),
          'recommendation-id-is-new',
          `Recommendation ${command.data.recommendationId} exists`,
        );
        // Numbers are verbatim and repeat across agencies (§4.4): unique per source and addressee.
        must(
          !s.recommendations.some(
            (r) =>
              r.number === command.data.number &&
              r.source === command.data.source &&
              r.addressedTo === command.data.addressedTo,
          ),
          'recommendation-number-is-unique',
          `${command.data.addressedTo} already has ${command.data.source} recommendation ${command.data.number}`,
        );
        checkRepeats(command.data, s);
        return [{ type: 'RecommendationAdded', data: command.data }];
      case 'CloseRecommendationWithoutAction': {
        const recommendation = s.recommendations.find(
          (r) => r.recommendationId === command.data.recommendationId,
        );
        must(
          recommendation,
          'recommendation-must-exist',
          `No recommendation ${command.data.recommendationId}`,
        );
        must(
          !recommendation.closedWithoutAction,
          'recommendation-already-closed',
          'Already closed without action',
        );
        return [{ type: 'RecommendationClosedWithoutAction', data: command.data }];
      }
      case 'RecordNewInformation':
        return [{ type: 'NewInformationReceived', data: command.data }];
      case 'TransitionRegime':
        must(
          command.data.toRegime !== s.regime,
          'regime-must-change',
          `The case is already under ${s.regime}`,
        );
        must(
          REGIMES.indexOf(regimeInForceOn(on, config.clockRules)) >=
            REGIMES.indexOf(command.data.toRegime),
          'regime-in-force-on-transition',
          `${command.data.toRegime} was not in force on ${on}`,
        );
        return [{ type: 'RegimeTransitioned', data: { ...command.data, fromRegime: s.regime } }];
      case 'CloseCase':
        return close(command, s);
      default:
        return assertNeverCommand(command);
    }
  }

  function close(command: CaseCommandOf<'CloseCase'>, s: OpenCase): CaseEvent[] {
    const { recommendationsWithSettledActions, openEscalations, ...data } = command.data;
    const decision = currentDecision(s);
    must(decision, 'no-closure-before-decision', 'A case is closed only after a decision');
    must(!s.openContest, 'no-closure-with-open-contest', 'A contest of the decision is open');
    const settled = new Set(recommendationsWithSettledActions);
    const open = s.recommendations.filter(
      (r) => !r.closedWithoutAction && !settled.has(r.recommendationId),
    );
    must(
      open.length === 0,
      'no-closure-with-open-recommendations',
      `${open.length} recommendation(s) have open or no actions and no closure reason: ${open.map((r) => r.number).join(', ')}`,
    );
    must(
      openEscalations === 0,
      'no-closure-with-open-escalations',
      `${openEscalations} escalation(s) are open`,
    );
    const pausing = s.parallelProcesses.filter(
      (p) => !p.concludedOn && p.impact.includes('PAUSES_REVIEW'),
    );
    must(
      pausing.length === 0,
      'no-closure-with-open-parallel-processes',
      `Still open: ${pausing.map((p) => p.processId).join(', ')}`,
    );
    if (commissionsReview(decision.outcome)) {
      must(
        s.status === 'PUBLISHED' || s.status === 'PUBLICATION_WITHHELD',
        'no-closure-before-publication-is-final',
        `The review is ${s.status}`,
      );
    }
    notBefore(data.occurredOn, s.latestDate, 'closure-not-before-last-fact', 'Closed');
    return [{ type: 'CaseClosed', data }];
  }

  function checkAuthority(s: OpenCase, role: string): void {
    const authority = decisionAuthorityFor(s.regime);
    must(
      role === authority,
      'decider-holds-authority',
      `Under ${s.regime} the decision rests with ${authority}, not ${role}`,
    );
  }

  function shortNotice(s: OpenCase, publishedOn: BusinessDate): string | undefined {
    const timescale = rulesOf(s).publicationNotice;
    if (!timescale) return undefined;
    if (!s.review?.panelNoticeOn)
      return `No notice to the Panel was recorded before publication (${s.regime} expects ${timescale.amount} ${timescale.unit.toLowerCase().replace('_', ' ')})`;
    const lead = noticeLeadTime(s.review.panelNoticeOn, publishedOn, timescale, config.calendar);
    return lead.sufficient
      ? undefined
      : `Notice given ${lead.actual} of the ${lead.required} ${timescale.unit.toLowerCase().replace('_', ' ')} required`;
  }

  return { initialState: initialCaseState, decide, evolve: evolveCase };
}

function wasSentToPanel(s: OpenCase, decisionId: string): boolean {
  const decision = s.decisions.find((d) => d.decisionId === decisionId);
  return Boolean(decision?.notifiedToPanelOn || s.rapidReview?.submittedToPanelOn);
}

/** The conduct of a review (reviewers, terms, agency reports, events) starts with its commission. */
function notBeforeCommissioning(
  on: BusinessDate,
  commissionedOn: BusinessDate,
  what: string,
): void {
  notBefore(on, commissionedOn, 'review-conduct-not-before-commissioning', what);
}

function checkOutcome(outcome: DecisionOutcome, alternativeReviewType: string | undefined): void {
  must(
    (outcome === 'ALTERNATIVE_REVIEW') === (alternativeReviewType !== undefined),
    'alternative-review-names-its-type',
    outcome === 'ALTERNATIVE_REVIEW'
      ? 'An alternative review names its type'
      : `${outcome} takes no alternativeReviewType`,
  );
}

function ruleBeforeReferral(type: CaseCommand['type']): string {
  if (/Decision|Panel/.test(type)) return 'no-decision-before-referral';
  if (type !== 'StartRapidReview' && /Review|Report|Publication|Publish/.test(type))
    return 'no-review-before-decision-to-commission';
  return 'case-must-be-referred-first';
}

function assertNeverCommand(command: never): never {
  throw new Error(`Unhandled command ${JSON.stringify(command)}`);
}

/**
 * A recommendation repeated from an earlier review names that review, and only such a one does
 * (domain.md §4.4, 003 §23.2). One that links the earlier recommendation gives its case and id
 * together; within this case it must be on record (another case's is checked by the caller).
 */
function checkRepeats({ source, repeats }: RecommendationAdded, s: OpenCase): void {
  const repeated = source === 'REPEATED_FROM_PRIOR_REVIEW';
  must(
    !repeated || repeats?.review.trim(),
    'repeated-recommendation-names-its-review',
    'Say which earlier review this recommendation repeats',
  );
  must(
    repeated || repeats === undefined,
    'only-a-repeated-recommendation-repeats',
    `A ${source} recommendation repeats no earlier one: its source is REPEATED_FROM_PRIOR_REVIEW`,
  );
  if (!repeats) return;
  must(
    (repeats.caseId === undefined) === (repeats.recommendationId === undefined),
    'prior-recommendation-needs-case-and-id',
    'Link an earlier recommendation by both its case and its recommendation id',
  );
  if (repeats.caseId === s.caseId)
    must(
      s.recommendations.some((r) => r.recommendationId === repeats.recommendationId),
      'repeated-recommendation-on-record',
      `Case ${s.caseId} has no recommendation ${repeats.recommendationId}`,
    );
}
