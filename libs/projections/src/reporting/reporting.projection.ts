import { isBusinessDate } from '@casetrail/domain';
import type { StoredEvent } from '@casetrail/event-store';
import { historyEntryOf } from '../action-plans/action-plans.projection';
import type { Projection } from '../projection';

/**
 * The case facts the executive and annual reports count (domain.md §6.4, §6.6): referrals with
 * their children and themes, every decision (superseded ones too), reviews with their sign-off
 * and publication, recommendations with their number, text and themes, every evaluation of a
 * review (a later one does not erase an earlier one: each held on its day), parallel processes
 * with their conclusion and the pauses that cite them, and every record of the family's
 * involvement. Each fact keeps the day it happened and the day the board knew it, so a report
 * can be drawn as effective or as known on any date (§0.3 item 7) with a WHERE clause instead of
 * a replay.
 */

export const REPORTING_EVENT_TYPES = [
  'CaseReferred',
  'DecisionRecorded',
  'DecisionRevised',
  'ReviewCommissioned',
  'ReportSignedOff',
  'ReviewPublished',
  'RecommendationAdded',
  'RecommendationClosedWithoutAction',
  'ReviewEvaluated',
  'ParallelProcessRecorded',
  'ParallelProcessConcluded',
  'FamilyInvolvementRecorded',
  'ReviewPaused',
  'FindingRecorded',
  'LearningDisseminated',
] as const;

const CASE_STREAM = 'case-';

export const reportingProjection: Projection = {
  name: 'reporting',
  // v2: evaluations of reviews (ReviewEvaluated), for the annual report's grade cross-tabulation.
  // v3: parallel processes and family involvement, for the annual report (§6.6).
  // v4: each process's impact and the pauses that cite it, for the register (§6.7).
  // v5: how the family was approached and why involvement was not pursued, for its register.
  // v6: the earlier recommendation a repeated one repeats, for the recommendations register.
  // v7: findings, the spreading of learning and the published links, for the learning register.
  version: 7,
  handles: REPORTING_EVENT_TYPES,
  tables: [
    'report_referrals',
    'report_decisions',
    'report_reviews',
    'report_recommendations',
    'report_evaluations',
    'report_parallel_processes',
    'report_family_involvement',
    'report_process_pauses',
    'report_learning',
  ],
  createSchema: (t) => `
    CREATE TABLE ${t.report_referrals} (
      case_id          TEXT    PRIMARY KEY,
      case_ref         TEXT,
      referred_on      TEXT    NOT NULL,
      known_on         TEXT    NOT NULL,
      referring_agency TEXT,
      regime           TEXT,
      incident_type    TEXT,
      decision_due_on  TEXT,
      subjects         TEXT    NOT NULL,
      themes           TEXT    NOT NULL,
      last_position    INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX ${t.report_referrals}_referred ON ${t.report_referrals} (referred_on);
    CREATE TABLE ${t.report_decisions} (
      case_id                 TEXT    NOT NULL,
      decision_id             TEXT    NOT NULL,
      seq                     INTEGER NOT NULL,
      kind                    TEXT    NOT NULL,
      outcome                 TEXT    NOT NULL,
      alternative_review_type TEXT,
      criteria_met            INTEGER NOT NULL,
      decided_on              TEXT    NOT NULL,
      known_on                TEXT    NOT NULL,
      supersedes_decision_id  TEXT,
      PRIMARY KEY (case_id, decision_id)
    ) WITHOUT ROWID;
    CREATE INDEX ${t.report_decisions}_decided ON ${t.report_decisions} (decided_on);
    CREATE TABLE ${t.report_reviews} (
      case_id               TEXT    NOT NULL,
      review_id             TEXT    NOT NULL,
      review_type           TEXT    NOT NULL,
      methodology           TEXT    NOT NULL,
      commissioned_on       TEXT    NOT NULL,
      commissioned_known_on TEXT    NOT NULL,
      target_completion_on  TEXT    NOT NULL,
      signed_off_on         TEXT,
      signed_off_known_on   TEXT,
      published_on          TEXT,
      published_known_on    TEXT,
      url                   TEXT,
      learning_summary_url  TEXT,
      PRIMARY KEY (case_id, review_id)
    ) WITHOUT ROWID;
    CREATE TABLE ${t.report_recommendations} (
      case_id           TEXT    NOT NULL,
      recommendation_id TEXT    NOT NULL,
      seq               INTEGER NOT NULL,
      number            TEXT    NOT NULL,
      text              TEXT    NOT NULL,
      source            TEXT    NOT NULL,
      scope             TEXT    NOT NULL,
      addressed_to      TEXT    NOT NULL,
      themes            TEXT    NOT NULL,
      added_on          TEXT    NOT NULL,
      known_on          TEXT    NOT NULL,
      closed_on         TEXT,
      closed_known_on   TEXT,
      closure_reason    TEXT,
      repeats           TEXT,
      PRIMARY KEY (case_id, recommendation_id)
    ) WITHOUT ROWID;
    CREATE INDEX ${t.report_recommendations}_added ON ${t.report_recommendations} (added_on);
    CREATE TABLE ${t.report_evaluations} (
      case_id      TEXT    NOT NULL,
      seq          INTEGER NOT NULL,
      evaluator    TEXT    NOT NULL,
      grade        TEXT    NOT NULL,
      evaluated_on TEXT    NOT NULL,
      known_on     TEXT    NOT NULL,
      PRIMARY KEY (case_id, seq)
    ) WITHOUT ROWID;
    CREATE TABLE ${t.report_parallel_processes} (
      case_id            TEXT    NOT NULL,
      process_id         TEXT    NOT NULL,
      process_type       TEXT    NOT NULL,
      lead_agency        TEXT    NOT NULL,
      impact             TEXT    NOT NULL,
      started_on         TEXT    NOT NULL,
      known_on           TEXT    NOT NULL,
      concluded_on       TEXT,
      concluded_known_on TEXT,
      PRIMARY KEY (case_id, process_id)
    ) WITHOUT ROWID;
    CREATE TABLE ${t.report_family_involvement} (
      case_id            TEXT    NOT NULL,
      seq                INTEGER NOT NULL,
      involvement        TEXT    NOT NULL,
      family_member_role TEXT    NOT NULL,
      method             TEXT,
      reason             TEXT,
      recorded_on        TEXT    NOT NULL,
      known_on           TEXT    NOT NULL,
      PRIMARY KEY (case_id, seq)
    ) WITHOUT ROWID;
    -- A review's findings (FINDING) and each time its learning was spread (DISSEMINATION).
    CREATE TABLE ${t.report_learning} (
      case_id     TEXT    NOT NULL,
      seq         INTEGER NOT NULL,
      kind        TEXT    NOT NULL CHECK (kind IN ('FINDING', 'DISSEMINATION')),
      on_date     TEXT    NOT NULL,
      known_on    TEXT    NOT NULL,
      text        TEXT,
      themes      TEXT    NOT NULL,
      format      TEXT,
      audience    TEXT,
      attendance  INTEGER,
      link        TEXT,
      PRIMARY KEY (case_id, seq)
    ) WITHOUT ROWID;
    CREATE TABLE ${t.report_process_pauses} (
      case_id    TEXT    NOT NULL,
      process_id TEXT    NOT NULL,
      seq        INTEGER NOT NULL,
      paused_on  TEXT    NOT NULL,
      known_on   TEXT    NOT NULL,
      PRIMARY KEY (case_id, process_id, seq)
    ) WITHOUT ROWID;`,

  bind(db, t) {
    const lastPosition = db.prepare(
      `SELECT last_position FROM ${t.report_referrals} WHERE case_id = ?`,
    );
    const markSeen = db.prepare(
      `UPDATE ${t.report_referrals} SET last_position = ? WHERE case_id = ?`,
    );
    const insertReferral = db.prepare(
      `INSERT INTO ${t.report_referrals} VALUES (@caseId, @caseRef, @on, @knownOn, @referringAgency,
         @regime, @incidentType, @decisionDueOn, @subjects, @themes, @position)`,
    );
    const insertDecision = db.prepare(
      `INSERT OR IGNORE INTO ${t.report_decisions} VALUES (@caseId, @decisionId, @seq, @kind,
         @outcome, @alternativeReviewType, @criteriaMet, @on, @knownOn, @supersedesDecisionId)`,
    );
    const insertReview = db.prepare(
      `INSERT OR IGNORE INTO ${t.report_reviews} (case_id, review_id, review_type, methodology,
         commissioned_on, commissioned_known_on, target_completion_on)
       VALUES (@caseId, @reviewId, @reviewType, @methodology, @on, @knownOn, @targetCompletionOn)`,
    );
    // As for the statutory clock, the first sign-off and the first publication are the ones that count.
    const signOffReview = db.prepare(
      `UPDATE ${t.report_reviews} SET signed_off_on = @on, signed_off_known_on = @knownOn
       WHERE case_id = @caseId AND signed_off_on IS NULL`,
    );
    const publishReview = db.prepare(
      `UPDATE ${t.report_reviews} SET published_on = @on, published_known_on = @knownOn,
         url = @url, learning_summary_url = @learningSummaryUrl
       WHERE case_id = @caseId AND published_on IS NULL`,
    );
    const insertRecommendation = db.prepare(
      `INSERT OR IGNORE INTO ${t.report_recommendations} (case_id, recommendation_id, seq, number,
         text, source, scope, addressed_to, themes, added_on, known_on, repeats)
       VALUES (@caseId, @recommendationId, @seq, @number, @text, @source, @scope, @addressedTo,
         @themes, @on, @knownOn, @repeats)`,
    );
    const closeRecommendation = db.prepare(
      `UPDATE ${t.report_recommendations} SET closed_on = @on, closed_known_on = @knownOn,
         closure_reason = @reason
       WHERE case_id = @caseId AND recommendation_id = @recommendationId AND closed_on IS NULL`,
    );
    const insertEvaluation = db.prepare(
      `INSERT OR IGNORE INTO ${t.report_evaluations} VALUES (@caseId, @seq, @evaluator, @grade,
         @on, @knownOn)`,
    );

    const insertParallelProcess = db.prepare(
      `INSERT OR IGNORE INTO ${t.report_parallel_processes} (case_id, process_id, process_type,
         lead_agency, impact, started_on, known_on)
       VALUES (@caseId, @processId, @processType, @leadAgency, @impact, @on, @knownOn)`,
    );
    const concludeParallelProcess = db.prepare(
      `UPDATE ${t.report_parallel_processes} SET concluded_on = @on, concluded_known_on = @knownOn
       WHERE case_id = @caseId AND process_id = @processId AND concluded_on IS NULL`,
    );
    const insertPause = db.prepare(
      `INSERT OR IGNORE INTO ${t.report_process_pauses} VALUES (@caseId, @processId, @seq, @on,
         @knownOn)`,
    );
    const insertLearning = db.prepare(
      `INSERT OR IGNORE INTO ${t.report_learning} VALUES (@caseId, @seq, @kind, @on, @knownOn,
         @text, @themes, @format, @audience, @attendance, @link)`,
    );
    const insertFamilyInvolvement = db.prepare(
      `INSERT OR IGNORE INTO ${t.report_family_involvement} VALUES (@caseId, @seq, @involvement,
         @familyMemberRole, @method, @reason, @on, @knownOn)`,
    );

    return (event: StoredEvent) => {
      // As on the status board: an event without a business date cannot be placed on any report.
      const dated = event.data as { occurredOn?: unknown } | null | undefined;
      if (!event.streamId.startsWith(CASE_STREAM) || !isBusinessDate(dated?.occurredOn)) return;
      const caseId = event.streamId.slice(CASE_STREAM.length);
      const seen = lastPosition.get(caseId) as { last_position: bigint } | undefined;
      // The referral row's position guards every table of the case: all change in the same apply.
      if (seen && seen.last_position >= event.position) return;
      const { occurredOn: on, knownOn, data: d } = historyEntryOf(event);
      const fact = { caseId, on, knownOn, seq: event.version };

      if (event.type === 'CaseReferred') {
        if (seen) return;
        insertReferral.run({
          ...fact,
          caseRef: d.caseRef ?? null,
          referringAgency: d.referringAgency ?? null,
          regime: d.regime ?? null,
          incidentType: (d.incident as { type?: string } | undefined)?.type ?? null,
          decisionDueOn: d.decisionDueOn ?? null,
          subjects: JSON.stringify(d.subjects ?? []),
          themes: JSON.stringify(d.themes ?? []),
          position: event.position,
        });
        return;
      }
      if (!seen) return;
      switch (event.type) {
        case 'DecisionRecorded':
        case 'DecisionRevised':
          insertDecision.run({
            ...fact,
            decisionId: d.decisionId,
            kind: event.type === 'DecisionRecorded' ? 'RECORDED' : 'REVISED',
            outcome: d.outcome,
            alternativeReviewType: d.alternativeReviewType ?? null,
            criteriaMet: d.criteriaMet ? 1 : 0,
            supersedesDecisionId: d.supersedesDecisionId ?? null,
          });
          break;
        case 'ReviewCommissioned':
          insertReview.run({
            ...fact,
            reviewId: d.reviewId,
            reviewType: d.reviewType,
            methodology: d.methodology,
            targetCompletionOn: d.targetCompletionOn,
          });
          break;
        case 'ReportSignedOff':
          signOffReview.run(fact);
          break;
        case 'ReviewPublished':
          publishReview.run({
            ...fact,
            url: d.url ?? null,
            learningSummaryUrl: d.learningSummaryUrl ?? null,
          });
          break;
        case 'FindingRecorded':
        case 'LearningDisseminated':
          insertLearning.run({
            ...fact,
            kind: event.type === 'FindingRecorded' ? 'FINDING' : 'DISSEMINATION',
            text: d.text ?? null,
            themes: JSON.stringify(d.themes ?? []),
            format: d.format ?? null,
            audience: d.audience ?? null,
            attendance: d.attendance ?? null,
            link: d.link ?? null,
          });
          break;
        case 'RecommendationAdded':
          insertRecommendation.run({
            ...fact,
            recommendationId: d.recommendationId,
            number: d.number,
            text: d.text,
            source: d.source,
            scope: d.scope,
            addressedTo: d.addressedTo,
            themes: JSON.stringify(d.themes ?? []),
            repeats: d.repeats ? JSON.stringify(d.repeats) : null,
          });
          break;
        case 'RecommendationClosedWithoutAction':
          closeRecommendation.run({
            ...fact,
            recommendationId: d.recommendationId,
            reason: d.reason,
          });
          break;
        case 'ReviewEvaluated':
          insertEvaluation.run({ ...fact, evaluator: d.evaluator, grade: d.grade });
          break;
        case 'ParallelProcessRecorded':
          insertParallelProcess.run({
            ...fact,
            processId: d.processId,
            processType: d.processType,
            leadAgency: d.leadAgency,
            impact: JSON.stringify(d.impact ?? []),
          });
          break;
        case 'ReviewPaused':
          for (const processId of (d.parallelProcessIds as string[] | undefined) ?? []) {
            insertPause.run({ ...fact, processId });
          }
          break;
        case 'ParallelProcessConcluded':
          concludeParallelProcess.run({ ...fact, processId: d.processId });
          break;
        case 'FamilyInvolvementRecorded':
          insertFamilyInvolvement.run({
            ...fact,
            involvement: d.involvement,
            familyMemberRole: d.familyMemberRole,
            method: d.method ?? null,
            reason: d.reason ?? null,
          });
          break;
        default:
          return;
      }
      markSeen.run(event.position, caseId);
    };
  },
};
