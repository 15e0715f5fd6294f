import {
  type ActionEvent,
  type BusinessDate,
  type CaseEvent,
  type ClockName,
  type ClockRules,
  daysBetween,
  type DelayReason,
  type EscalationEvent,
  type LateCompletion,
  type NotificationRecipient,
  type Regime,
  type Timescale,
  timescaleOf,
  type WorkingDayCalendar,
  workingDaysLate,
} from '@casetrail/domain';

/**
 * Every case, action and escalation event as one readable English sentence, for auditors who
 * read the trail rather than the payload (domain.md §6.3). The payload stays beside it.
 */

export type AuditedEvent = CaseEvent | ActionEvent | EscalationEvent;
export type AuditedEventType = AuditedEvent['type'];

/** What a sentence may need besides the event: the regime then in force names a missed timescale. */
export interface SentenceContext {
  regime?: Regime;
  rules?: { clockRules: ClockRules; calendar: WorkingDayCalendar };
}

interface About extends SentenceContext {
  /** The stream's own id (`action-B1-A02` → `B1-A02`): action events do not repeat it. */
  id: string;
}

type DataOf<T extends AuditedEventType> = Extract<AuditedEvent, { type: T }>['data'];
type Phrase<T extends AuditedEventType> = (data: DataOf<T>, about: About) => string;

const ACRONYMS = new Set([
  'SCR',
  'LCSPR',
  'LSCB',
  'LSCP',
  'LSP',
  'DHR',
  'SAR',
  'NFA',
  'CPD',
  'RAG',
  'CRAG',
  'PAQA',
  'SIN',
  'UI',
  'CAMHS',
  'SOG',
  'IMR',
]);
const SPELLED: Record<string, string> = { OFSTED: 'Ofsted', DFE: 'DfE', HS: 'H&S' };

/** 'SCR_COMMISSIONED' → 'SCR commissioned', 'NO_FURTHER_ACTION' → 'no further action'. */
export function humanize(code: string): string {
  return code
    .split('_')
    .map((word) => SPELLED[word] ?? (ACRONYMS.has(word) ? word : word.toLowerCase()))
    .join(' ');
}

const RECIPIENTS: Record<NotificationRecipient, string> = {
  PANEL: 'the Panel',
  OFSTED: 'Ofsted',
  DFE: 'DfE',
  SECRETARY_OF_STATE: 'the Secretary of State',
  LSCP: 'the LSCP',
};

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 'a', 'a and b', 'a, b and c'. */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const recipients = (list: readonly NotificationRecipient[] = []) =>
  listOf(list.map((r) => RECIPIENTS[r] ?? humanize(r)));
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const person = (p: { name: string; role?: string } | undefined) =>
  p ? (p.role ? `${p.name} (${p.role})` : p.name) : 'an unnamed person';
const when = (date: string | undefined, precision: string | undefined) => {
  if (!date) return '';
  if (precision === 'MONTH')
    return ` in ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
  if (precision === 'YEAR') return ` in ${date.slice(0, 4)}`;
  return ` on ${date}`;
};

/** 'one-month', 'six-month', '5-working-day', '14-day'. */
function describeTimescale({ unit, amount }: Timescale): string {
  switch (unit) {
    case 'CALENDAR_MONTHS':
      return `${NUMBER_WORDS[amount] ?? amount}-month`;
    case 'WORKING_DAYS':
      return `${amount}-working-day`;
    case 'CALENDAR_DAYS':
      return `${amount}-day`;
  }
}

const TARGETS: ReadonlySet<ClockName> = new Set(['REVIEW_COMPLETION', 'PUBLICATION']);

const reasonText = (reason: DelayReason | undefined) =>
  reason ? reason.detail?.trim() || humanize(reason.code) : 'not given';

/**
 * "42 days after the one-month deadline of 2014-11-07 — reason: …": calendar days, or working
 * days when the regime counts that clock in working days (Child T's notification is 1 working
 * day late, though 2 calendar days, domain.md §7.5).
 */
function lateness(late: LateCompletion, on: BusinessDate, about: About): string {
  const timescale =
    about.regime && about.rules
      ? timescaleOf(late.clock, about.regime, about.rules.clockRules)
      : undefined;
  let count = `${plural(daysBetween(late.dueOn, on), 'day')}`;
  if (timescale?.unit === 'WORKING_DAYS' && about.rules) {
    try {
      count = plural(workingDaysLate(late.dueOn, on, about.rules.calendar), 'working day');
    } catch {
      // No bank-holiday data for that year: calendar days are still true.
    }
  }
  const noun = TARGETS.has(late.clock) ? 'target' : 'deadline';
  const named = timescale ? `${describeTimescale(timescale)} ${noun}` : noun;
  return `${count} after the ${named} of ${late.dueOn} — reason: ${reasonText(late.reason)}`;
}

const lateOrWithin = (late: LateCompletion | undefined, on: BusinessDate, about: About) =>
  late ? `, ${lateness(late, on, about)}` : '';

const outcomeOf = (outcome: string, alternative?: string) =>
  `${humanize(outcome)}${alternative ? ` (${humanize(alternative)})` : ''}`;

const CONSIDERATION: Record<string, string> = {
  RECOMMEND_REVIEW: 'recommends a review',
  RECOMMEND_ALTERNATIVE: 'recommends an alternative review',
  RECOMMEND_NFA: 'recommends no further action',
  DEFER_FOR_INFORMATION: 'deferred for more information',
};
const BODIES: Record<string, string> = {
  CRAG: 'CRAG',
  SCR_SUBGROUP: 'SCR sub-group',
  RAPID_REVIEW_PANEL: 'rapid review panel',
  CASE_REVIEW_GROUP: 'case review group',
};

const SCRUTINY: Record<string, string> = {
  NOTED: 'noted it',
  ACCEPTED: 'accepted it',
  REQUESTED_ACTION_PLAN_REVIEW: 'asked for its action plan to be reviewed',
};
const EVALUATOR: Record<string, string> = {
  OFSTED: 'Ofsted',
  INTERNAL: 'the partnership (internal evaluation)',
};

const PHRASES: { [T in AuditedEventType]: Phrase<T> } = {
  // Case (domain.md §5.2–5.4, §5.7)
  CaseReferred: (d) =>
    `case ${d.caseRef} referred by ${d.referringAgency}: ${listOf(d.subjects.map((s) => s.pseudonym))}, ` +
    `${humanize(d.incident.type)}${when(d.incident.date, d.incident.datePrecision)}; regime ${d.regime}` +
    (d.decisionDueOn ? `; decision due by ${d.decisionDueOn}` : ''),
  SeriousIncidentNotified: (d, a) =>
    `serious incident notified to ${recipients(d.notifiedTo)} (aware since ${d.becameAwareOn})` +
    (d.late
      ? `, ${lateness(d.late, d.occurredOn, a)}`
      : d.dueOn
        ? `, within the deadline of ${d.dueOn}`
        : ''),
  ReferralConsidered: (d) =>
    `referral considered by the ${BODIES[d.body] ?? humanize(d.body)}: ${CONSIDERATION[d.outcome] ?? humanize(d.outcome)}`,
  DecisionDeferred: (d) =>
    `decision deferred: ${humanize(d.reason)}` +
    (d.nextConsiderationOn ? `; next consideration on ${d.nextConsiderationOn}` : ''),
  RapidReviewStarted: (d) => `rapid review started, due by ${d.dueOn}`,
  RapidReviewCompleted: (d, a) =>
    `rapid review completed${d.submittedToPanelOn ? ` and sent to the Panel on ${d.submittedToPanelOn}` : ''}: ` +
    `${CONSIDERATION[d.recommendation] ?? humanize(d.recommendation)}${lateOrWithin(d.late, d.occurredOn, a)}`,
  DecisionRecommended: (d) =>
    `decision recommended by ${person(d.recommendedBy)}: ${humanize(d.recommendedOutcome)}`,
  DecisionRecorded: (d, a) =>
    `decision ${d.decisionId} recorded: ${outcomeOf(d.outcome, d.alternativeReviewType)}, by ${person(d.decidedBy)}` +
    (d.late
      ? `, ${lateness(d.late, d.occurredOn, a)}`
      : d.dueOn
        ? `, within the deadline of ${d.dueOn}`
        : ''),
  NationalPanelNotified: (d) => {
    const late = d.dueOn ? daysBetween(d.dueOn, d.occurredOn) : 0;
    return (
      `${d.decisionId ? `decision ${d.decisionId} notified` : 'notified'} to ${recipients(d.recipients)}` +
      (d.dueOn
        ? late > 0
          ? `, ${plural(late, 'day')} after the deadline of ${d.dueOn}`
          : `, within the deadline of ${d.dueOn}`
        : '')
    );
  },
  PanelResponded: (d) =>
    `the Panel responded to decision ${d.decisionId}: ${d.agreesWithDecision ? 'it agrees' : 'it does not agree'}`,
  DecisionContested: (d) =>
    `decision ${d.decisionId} contested by ${d.contestedBy === 'NATIONAL_PANEL' ? 'the National Panel' : 'another party'}`,
  DecisionReaffirmed: (d) => `decision ${d.decisionId} reaffirmed by ${person(d.by)}`,
  DecisionRevised: (d) =>
    `decision ${d.decisionId} supersedes ${d.supersedesDecisionId}: ${outcomeOf(d.outcome, d.alternativeReviewType)}, ` +
    `by ${person(d.decidedBy)}, after ${humanize(d.trigger)}`,
  ParallelProcessRecorded: (d) =>
    `parallel process ${d.processId} recorded: ${humanize(d.processType)} led by ${d.leadAgency}` +
    (d.impact.length ? ` (${listOf(d.impact.map(humanize))})` : ''),
  ParallelProcessConcluded: (d) => `parallel process ${d.processId} concluded: ${d.outcome}`,
  ReviewCommissioned: (d) =>
    `review ${d.reviewId} commissioned: ${humanize(d.reviewType)}, ${humanize(d.methodology)} method, ` +
    `target completion ${d.targetCompletionOn}` +
    (d.leadReviewer ? `; lead reviewer ${person(d.leadReviewer)}` : ''),
  ReviewPaused: (d) =>
    `review paused: ${humanize(d.reason)}` +
    (d.parallelProcessIds.length ? `, pending ${listOf(d.parallelProcessIds)}` : ''),
  ReviewResumed: () => 'review resumed',
  ReviewTimescaleExtended: (d) =>
    `review target extended to ${d.newTargetOn}, approved by ${person(d.approvedBy)}`,
  ReviewerAppointed: (d) =>
    `${humanize(d.role)} appointed: ${d.name} (${d.organisation})` +
    (d.independenceStatement ? `; independence: ${d.independenceStatement}` : ''),
  TermsOfReferenceAgreed: (d) =>
    `terms of reference agreed for ${d.periodFrom} to ${d.periodTo}` +
    (d.keyIssues.length
      ? `, ${plural(d.keyIssues.length, 'key issue')}: ${d.keyIssues.join('; ')}`
      : ''),
  AgencyReportDeclined: (d) => `${humanize(d.reportType)} declined by ${d.agency}: ${d.reason}`,
  PractitionerEventHeld: (d) => {
    const attendees = d.attendees ?? [];
    const total = attendees.reduce((sum, a) => sum + a.count, 0);
    return (
      'practitioner event held' +
      (attendees.length
        ? ` with ${plural(total, 'practitioner')} (${listOf(attendees.map((a) => `${a.agency} ${a.count}`))})`
        : '') +
      (d.notes ? `: ${d.notes}` : '')
    );
  },
  LearningIdentified: (d) =>
    `learning identified: ${d.learning}` +
    (d.immediateActions.length ? `; immediate actions: ${d.immediateActions.join('; ')}` : ''),
  FamilyInvolvementRecorded: (d) =>
    `family involvement (${d.familyMemberRole}): ${humanize(d.involvement)}${d.method ? ` by ${humanize(d.method)}` : ''}`,
  ReportCompleted: (d) =>
    `${humanize(d.kind)} report completed${d.author ? ` by ${d.author}` : ''}${d.version ? ` (version ${d.version})` : ''}`,
  ReportSignedOff: (d, a) => `report signed off by ${d.by}${lateOrWithin(d.late, d.occurredOn, a)}`,
  PanelNotifiedOfPublication: (d) =>
    `${recipients(d.recipients)} told of publication planned for ${d.plannedPublicationOn}`,
  PublicationDeferred: (d) =>
    `publication deferred: ${humanize(d.reason)}${d.newPlannedOn ? `; new date ${d.newPlannedOn}` : ''}`,
  ReviewPublished: (d, a) =>
    `review published (${humanize(d.form)})${d.url ? ` at ${d.url}` : ''}${lateOrWithin(d.late, d.occurredOn, a)}` +
    (d.noticeShortfall ? `; warning: ${d.noticeShortfall}` : ''),
  PublicationWithheld: (d) =>
    `publication withheld${d.improvementInfoPublishedOn ? `; improvement information published on ${d.improvementInfoPublishedOn}` : ''}`,
  ReportPresentedToScrutiny: (d) =>
    `report presented to the ${d.body}, which ${SCRUTINY[d.outcome] ?? humanize(d.outcome)}` +
    (d.notes ? `: ${d.notes}` : ''),
  ReviewEvaluated: (d) =>
    `review graded ${humanize(d.grade)} by ${EVALUATOR[d.evaluator] ?? humanize(d.evaluator)}: ${d.commentary}`,
  FindingRecorded: (d) => `finding ${d.findingId} recorded: ${d.text}`,
  LearningDisseminated: (d) =>
    `learning spread by ${humanize(d.format)} to ${d.audience}` +
    (d.attendance === undefined ? '' : ` (${d.attendance} attended)`),
  RecommendationAdded: (d) =>
    `recommendation ${d.number} (${d.recommendationId}) added for ${d.addressedTo}: ${d.text}`,
  RecommendationClosedWithoutAction: (d) =>
    `recommendation ${d.recommendationId} closed without action`,
  NewInformationReceived: (d) =>
    `new information from ${d.source} (affects the ${humanize(d.affects)}): ${d.summary}`,
  RegimeTransitioned: (d) =>
    `regime changed from ${d.fromRegime} to ${d.toRegime}${d.newGovernance ? ` (${d.newGovernance})` : ''}`,
  CaseClosed: (d) => `case closed by ${person(d.closedBy)}: ${humanize(d.reason)}`,
  CaseReopened: () => 'case reopened',

  // Action (domain.md §5.5)
  ActionPlanned: (d) =>
    `action ${d.actionId} planned for ${listOf(d.recommendationIds)}: ${d.actionText} — lead ${d.lead.displayText} (${d.agency}); ` +
    `timescale "${d.timescaleText}"${d.dueDate ? `, due ${d.dueDate}` : ', no due date yet'}; monitored by ${d.monitoringBody}`,
  ActionProgressRecorded: (d, a) =>
    `progress on ${a.id} reported by ${d.reportedBy}: ${d.rag}` +
    `${d.percentComplete !== undefined ? `, ${d.percentComplete}% complete` : ''} — ${d.narrative}`,
  ActionDueDateChanged: (d, a) =>
    `due date of ${a.id} moved from ${d.fromDate} to ${d.toDate}, approved by ${person(d.approvedBy)}`,
  ActionDueDateSet: (d, a) =>
    `due date of ${a.id} set to ${d.dueDate}${d.approvedBy ? `, approved by ${person(d.approvedBy)}` : ''}`,
  ActionLeadChanged: (d, a) =>
    `lead of ${a.id} changed ${d.fromLead ? `from ${d.fromLead.displayText} ` : ''}to ${d.toLead.displayText}: ${d.reason}`,
  ActionCompleted: (d, a) => `action ${a.id} completed by ${d.completedBy}: ${d.summary}`,
  ActionCompletionSignedOff: (d, a) =>
    `completion of ${a.id} signed off by ${person(d.chair)} for the ${d.body}: ${humanize(d.impactAssessment)}`,
  ActionCompletionReturned: (d, a) => `completion of ${a.id} returned by ${person(d.by)}`,
  ActionCancelled: (_d, a) => `action ${a.id} cancelled`,
  ActionSuperseded: (d, a) => `action ${a.id} superseded by ${d.supersededByActionId}`,

  // Escalation (domain.md §5.6)
  EscalationRaised: (d) =>
    `escalation ${d.escalationId} raised on ${d.subject.kind === 'ACTION' ? 'action' : 'case'} ${d.subject.id} ` +
    `at level ${d.level} to ${d.addressedTo}: ${humanize(d.reason)}` +
    (d.daysOverdue ? `, ${plural(d.daysOverdue, 'day')} overdue` : '') +
    (d.automatic ? ' (automatic)' : `, by ${person(d.raisedBy)}`),
  EscalationAcknowledged: (d, a) => `escalation ${a.id} acknowledged by ${person(d.by)}`,
  EscalationReferredUp: (d, a) =>
    `escalation ${a.id} referred up to level ${d.toLevel} (${d.addressedTo})` +
    (d.daysOverdue ? `, ${plural(d.daysOverdue, 'day')} overdue` : '') +
    (d.automatic ? ' (automatic)' : ''),
  EscalationResolved: (d, a) =>
    `escalation ${a.id} resolved by ${person(d.by)}: ${humanize(d.outcome)}`,
};

/** Every event type the audit trail knows how to say. */
export const AUDITED_EVENT_TYPES = Object.keys(PHRASES) as AuditedEventType[];

/** For a type outside the case, action and escalation vocabularies (e.g. load-test events). */
export const genericSentence = (type: string) => `${type} recorded`;

/** The event as one sentence; a type the trail does not know still gets one, naming the type. */
export function sentenceFor(
  event: { streamId: string; type: string; data: unknown },
  context: SentenceContext = {},
): string {
  if (!Object.hasOwn(PHRASES, event.type)) return genericSentence(event.type);
  const phrase = PHRASES[event.type as AuditedEventType] as (data: unknown, about: About) => string;
  const id = event.streamId.slice(event.streamId.indexOf('-') + 1);
  const text = phrase(event.data, { ...context, id });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
