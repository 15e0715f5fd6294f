'use strict';
/**
 * A deterministic generator of a realistic event mix (domain.md §7 shapes). As in the national
 * figures, most referrals end without a review: 85% are referred, considered, decided "no
 * further action" and closed (5 events). The rest are reviewed, signed off and published, with
 * recommendations, actions, progress updates, re-datings, completions, sign-offs and
 * escalations (about 40 events). So 1M events is about 100k cases, the size issue #6 names.
 * Case `bench-big` is one case of about 1,000 events (its own stream and those of its 50
 * actions), for the as-of replay. Everything goes in through the store's own append path.
 */
const { randomUUID } = require('node:crypto');

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (base, offset) => new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const metadata = () => ({
  actor: { userId: 'bench', displayName: 'Bench', agency: 'Bench', roles: [] },
  partnershipId: 'bench',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  commandId: randomUUID(),
});
const event = (type, data) => ({ eventId: randomUUID(), type, schemaVersion: 1, data, metadata: metadata() });
const AGENCIES = ["Children's Social Care", 'Police', 'Health', 'Education', 'Early Help'];

const REVIEWED_SHARE = 0.15;

/** The streams of one case: [streamId, events[]][]. */
function caseStreams(n, random, { caseId = `bench-${n}`, reviewed = random() < REVIEWED_SHARE, recommendationCount = 3 + Math.floor(random() * 4), updatesPerAction = null } = {}) {
  const referred = day('2016-01-01', Math.floor(random() * 3000));
  const decided = day(referred, 20 + Math.floor(random() * 30));
  const referral = [
    event('CaseReferred', {
      occurredOn: referred, caseId, caseRef: `SCR ${n}`, regime: 'WT2015', referringAgency: AGENCIES[n % 5],
      subjects: [{ pseudonym: `Child ${n}`, role: 'SUBJECT', ageBand: '1_TO_5' }],
      incident: { type: 'SERIOUS_HARM', datePrecision: 'DAY', date: day(referred, -10) },
      becameAwareOn: referred, abuseOrNeglect: 'SUSPECTED', themes: ['NEGLECT'], summary: 'Generated case', decisionDueOn: day(referred, 30),
    }),
    event('ReferralConsidered', { occurredOn: day(referred, 7), body: 'CRAG', outcome: reviewed ? 'RECOMMEND_REVIEW' : 'RECOMMEND_NFA' }),
  ];
  if (!reviewed) {
    return [[`case-${caseId}`, [
      ...referral,
      event('DecisionRecorded', {
        occurredOn: decided, decisionId: `D-${n}`, outcome: 'NO_FURTHER_ACTION', criteriaMet: false, criteriaApplied: [],
        rationale: 'Criteria not met; single-agency learning', decidedBy: { name: 'Chair', role: 'LSCB_CHAIR' }, dueOn: day(referred, 30),
      }),
      event('NationalPanelNotified', { occurredOn: day(decided, 2), decisionId: `D-${n}`, recipients: ['PANEL', 'OFSTED'], dueOn: day(decided, 15) }),
      event('CaseClosed', { occurredOn: day(decided, 3), reason: 'NO_REVIEW', closedBy: { name: 'Chair', role: 'LSCB_CHAIR' } }),
    ]]];
  }
  const commissioned = day(decided, 10);
  const signedOff = day(decided, 150 + Math.floor(random() * 400));
  const published = day(signedOff, 30);
  const recommendations = Array.from({ length: recommendationCount }, (_, i) => `R${i + 1}`);
  const caseEvents = [
    ...referral,
    event('DecisionRecorded', {
      occurredOn: decided, decisionId: `D-${n}`, outcome: 'SCR_COMMISSIONED', criteriaMet: true, criteriaApplied: [],
      rationale: 'Criteria met', decidedBy: { name: 'Chair', role: 'LSCB_CHAIR' }, dueOn: day(referred, 30),
    }),
    event('ReviewCommissioned', {
      occurredOn: commissioned, reviewId: `RV-${n}`, reviewType: 'SCR', methodology: 'SCIE_SYSTEMS', agenciesAsked: [],
      familyInvolvementPlanned: true, targetCompletionOn: day(decided, 182),
    }),
    ...recommendations.map((id, i) =>
      event('RecommendationAdded', {
        occurredOn: commissioned, recommendationId: id, number: String(i + 1), text: `Recommendation ${i + 1}`,
        source: 'OVERVIEW_REPORT', addressedTo: AGENCIES[i % 5], scope: 'MULTI_AGENCY', themes: ['NEGLECT'],
      }),
    ),
    event('ReportSignedOff', { occurredOn: signedOff, by: 'Board' }),
    event('ReviewPublished', { occurredOn: published, form: 'FULL_REPORT' }),
  ];
  const streams = [[`case-${caseId}`, caseEvents]];
  for (const [i, recommendationId] of recommendations.entries()) {
    const actionId = `${caseId}-A${i + 1}`;
    const planned = day(commissioned, 5);
    const due = day(planned, 60 + Math.floor(random() * 120));
    const events = [
      event('ActionPlanned', {
        occurredOn: planned, actionId, caseId, recommendationIds: [recommendationId], actionText: 'Do it', desiredOutcome: 'Done',
        lead: { displayText: 'Lead', persons: [], agency: AGENCIES[i % 5] }, agency: AGENCIES[i % 5], monitoringBody: 'EXECUTIVE',
        timescaleText: due, dueDate: due, dueDatePrecision: 'DAY',
      }),
    ];
    const updates = updatesPerAction ?? 2 + Math.floor(random() * 3);
    for (let u = 0; u < updates; u++) {
      events.push(event('ActionProgressRecorded', { occurredOn: day(planned, 10 * (u + 1)), progressId: `p${u}`, reportedBy: 'Lead', narrative: 'Progress', rag: random() < 0.7 ? 'GREEN' : 'AMBER', evidence: [] }));
    }
    if (random() < 0.3) {
      events.push(event('ActionDueDateChanged', { occurredOn: day(planned, 50), fromDate: due, toDate: day(due, 60), reason: 'Capacity', approvedBy: { name: 'Chair', role: 'Chair' } }));
    }
    // One in ten is never finished (the national evaluations' unfollowed actions), nor is
    // anything due in the last year: these are what the overdue lists show today.
    const escalated = (resolved) => [`escalation-${actionId}-E`, [
      event('EscalationRaised', { occurredOn: day(due, 28), escalationId: `${actionId}-E`, subject: { kind: 'ACTION', id: actionId, caseId }, reason: 'OVERDUE', detail: '28 days', level: 1, addressedTo: 'Chair', raisedBy: { name: 'System', role: 'System' }, automatic: true, dueDate: due, daysOverdue: 28 }),
      ...(resolved ? [event('EscalationResolved', { occurredOn: day(due, 40), outcome: 'ACTION_COMPLETED', note: 'Done', by: { name: 'System', role: 'System' } })] : []),
    ]];
    if (random() < 0.1 || due > '2025-11-01') {
      streams.push([`action-${actionId}`, events]);
      if (random() < 0.5) streams.push(escalated(false));
      continue;
    }
    const completed = day(due, Math.floor(random() * 60) - 20);
    events.push(event('ActionCompleted', { occurredOn: completed < planned ? planned : completed, completedBy: 'Lead', summary: 'Done', evidence: [] }));
    events.push(event('ActionCompletionSignedOff', { occurredOn: day(completed < planned ? planned : completed, 14), body: 'EXECUTIVE', chair: { name: 'Chair', role: 'Chair' }, impactAssessment: 'OUTPUT_ONLY' }));
    streams.push([`action-${actionId}`, events]);
    if (random() < 0.2) streams.push(escalated(true));
  }
  return streams;
}

/**
 * A generator that can be grown in steps (the growth phase measures at 10k, 100k, 1M… events on
 * one store): `growTo(n)` appends cases until the store holds about n generated events, with
 * `concurrency` streams in flight at a time.
 */
function createGenerator(store, { seed = 42, concurrency = 64 } = {}) {
  const random = prng(seed);
  const counts = { cases: 0, events: 0, reviewedCaseId: null, bigCaseId: 'bench-big' };
  const queue = [];
  let next = 0;
  const enqueue = (streams) => {
    for (const stream of streams) {
      queue.push(stream);
      counts.events += stream[1].length;
    }
    counts.cases++;
  };
  const flush = async () => {
    await Promise.all(queue.splice(0).map(([streamId, list]) => store.append(streamId, 'no_stream', list)));
  };
  enqueue(caseStreams(0, random, { caseId: 'bench-big', reviewed: true, recommendationCount: 50, updatesPerAction: 15 }));
  return {
    counts,
    async growTo(targetEvents, onProgress = () => {}) {
      while (counts.events < targetEvents) {
        const streams = caseStreams(next, random);
        if (!counts.reviewedCaseId && streams.length > 1) counts.reviewedCaseId = `bench-${next}`;
        next++;
        enqueue(streams);
        if (queue.length >= concurrency) {
          await flush();
          onProgress(counts.events, targetEvents);
        }
      }
      await flush();
      onProgress(counts.events, targetEvents);
      return { ...counts };
    },
  };
}

/** Appends cases until `targetEvents`; returns the counts and the ids of a typical reviewed case and of the big one. */
function generate(store, targetEvents, { seed, concurrency, onProgress } = {}) {
  return createGenerator(store, { seed, concurrency }).growTo(targetEvents, onProgress);
}

module.exports = { generate, createGenerator, prng };
