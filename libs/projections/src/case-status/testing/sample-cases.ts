import type { CaseEvent } from '@casetrail/domain';

/**
 * Case streams from domain.md §7, shaped as the case decider emits them (deadlines and `late`
 * already worked out), for tests of the case read models and queries. Action-plan events live
 * in their own streams and are not here.
 */

const independentChair = { name: 'Independent Chair of the LSCB', role: 'LSCB_CHAIR' as const };

/** domain.md §7.1, B1-01 … B1-56, the case-stream events only (actions live in their own streams). */
export const childB1: CaseEvent[] = [
  {
    type: 'CaseReferred',
    data: {
      occurredOn: '2014-10-07',
      caseId: 'B1',
      caseRef: 'SCR B1',
      regime: 'WT2013',
      referringAgency: "Children's Social Care",
      subjects: [
        {
          pseudonym: 'Child B1',
          role: 'SUBJECT',
          ageAtIncident: 2,
          sex: 'FEMALE',
          childProtectionPlan: true,
        },
      ],
      incident: {
        type: 'SERIOUS_HARM',
        date: '2014-08-27',
        datePrecision: 'DAY',
        description: 'Choking, pre-hospital cardiac arrest, hypoxic brain injury',
      },
      becameAwareOn: '2014-10-07',
      abuseOrNeglect: 'KNOWN',
      themes: [
        'NEGLECT',
        'FAILURE_TO_THRIVE',
        'DOMESTIC_ABUSE',
        'PARENTAL_SUBSTANCE_MISUSE',
        'ATTACHMENT',
        'ESCALATION',
        'LEGAL_ADVICE',
        'RACE_AND_CULTURE',
      ],
      summary: 'Subject of a child protection plan (neglect) since 12 June 2014.',
      decisionDueOn: '2014-11-07',
    },
  },
  {
    type: 'ReferralConsidered',
    data: { occurredOn: '2014-10-07', body: 'SCR_SUBGROUP', outcome: 'DEFER_FOR_INFORMATION' },
  },
  {
    type: 'ParallelProcessRecorded',
    data: {
      occurredOn: '2014-10-07',
      processId: 'PP-B1-1',
      processType: 'CRIMINAL_INVESTIGATION',
      leadAgency: 'Leicestershire Police',
      impact: ['DELAYS_DECISION'],
    },
  },
  {
    type: 'ParallelProcessRecorded',
    data: {
      occurredOn: '2014-10-07',
      processId: 'PP-B1-2',
      processType: 'CARE_PROCEEDINGS',
      leadAgency: 'Leicester City Council',
      impact: ['DELAYS_DECISION'],
    },
  },
  {
    type: 'DecisionRecommended',
    data: {
      occurredOn: '2014-12-15',
      recommendedOutcome: 'SCR_COMMISSIONED',
      rationale: 'WT2013 criteria met',
      recommendedBy: { name: 'Chair of the SCR sub-group', role: 'SUBGROUP_CHAIR' },
    },
  },
  {
    type: 'DecisionRecorded',
    data: {
      occurredOn: '2014-12-19',
      decisionId: 'D-B1-1',
      outcome: 'SCR_COMMISSIONED',
      criteriaMet: true,
      criteriaApplied: [
        { criterion: 'ABUSE_OR_NEGLECT_KNOWN_OR_SUSPECTED', result: 'MET' },
        { criterion: 'CHILD_SERIOUSLY_HARMED', result: 'MET' },
        { criterion: 'CAUSE_FOR_CONCERN_ABOUT_WORKING_TOGETHER', result: 'MET' },
      ],
      rationale:
        'Abuse or neglect known; seriously harmed; concern about how agencies worked together.',
      decidedBy: independentChair,
      dueOn: '2014-11-07',
      late: {
        clock: 'DECISION',
        dueOn: '2014-11-07',
        reason: {
          code: 'CHANGE_OF_STAFF',
          detail:
            'A change of key personnel in the LSCB office; ongoing criminal investigation and care proceedings; ' +
            'lack of clarity and timelines in sub-group referral, information gathering and decision-making criterion',
        },
      },
    },
  },
  {
    type: 'ReviewCommissioned',
    data: {
      occurredOn: '2015-01-14',
      reviewId: 'RV-B1',
      reviewType: 'SCR',
      methodology: 'WORKING_TOGETHER',
      leadReviewer: { name: 'Safron Rose', role: 'Independent child protection consultant' },
      periodFrom: '2010-10-20',
      periodTo: '2014-08-27',
      agenciesAsked: ['Leicestershire Police', "Children's Social Care", 'Leicester City CCG'],
      familyInvolvementPlanned: true,
      targetCompletionOn: '2015-06-19',
    },
  },
  {
    type: 'ReportCompleted',
    data: { occurredOn: '2015-09-30', kind: 'OVERVIEW', author: 'Safron Rose' },
  },
  {
    type: 'RecommendationAdded',
    data: {
      occurredOn: '2015-09-30',
      recommendationId: 'OVR-23.1-i',
      number: '23.1(i)',
      text: 'That the Safeguarding Children Board through its Learning and Improvement Framework set out a plan of audit …',
      source: 'OVERVIEW_REPORT',
      addressedTo: 'Leicester LSCB',
      scope: 'MULTI_AGENCY',
      themes: ['ESCALATION'],
    },
  },
  {
    type: 'RecommendationAdded',
    data: {
      occurredOn: '2015-09-30',
      recommendationId: 'OVR-23.1-iii',
      number: '23.1(iii)',
      text: 'That the Safeguarding Children Board agree a clear protocol with legal services about how they will take part in Serious Case Reviews.',
      source: 'OVERVIEW_REPORT',
      addressedTo: 'Leicester LSCB',
      scope: 'MULTI_AGENCY',
      themes: ['LEGAL_ADVICE'],
    },
  },
  {
    type: 'ReportSignedOff',
    data: {
      occurredOn: '2015-10-28',
      by: 'BOARD',
      // The seed gives no reason for the late completion; this one is assumed.
      late: {
        clock: 'REVIEW_COMPLETION',
        dueOn: '2015-06-19',
        reason: {
          code: 'PARALLEL_PROCESSES',
          detail: 'Criminal investigation and care proceedings ran alongside',
        },
      },
    },
  },
  {
    type: 'ReviewPublished',
    data: { occurredOn: '2016-06-13', form: 'FULL_REPORT' },
  },
];

/** domain.md §7.2, R-01 … R-13 (the case-stream events up to the resumption). */
export const childR: CaseEvent[] = [
  {
    type: 'CaseReferred',
    data: {
      occurredOn: '2013-03-04',
      caseId: 'R',
      caseRef: 'SCR Child R',
      regime: 'WT2010',
      referringAgency: "Oxfordshire Children's Social Care",
      subjects: [
        {
          pseudonym: 'Child R',
          role: 'SUBJECT',
          ageAtIncident: 13,
          sex: 'FEMALE',
          lookedAfter: true,
        },
      ],
      incident: {
        type: 'DEATH',
        date: '2013-02-01',
        datePrecision: 'MONTH',
        suspectedSuicide: true,
      },
      becameAwareOn: '2013-03-04',
      abuseOrNeglect: 'SUSPECTED',
      themes: ['SUICIDE', 'CHILDREN_IN_CARE', 'PLACEMENTS'],
      summary: 'Child in care in an out-of-county residential placement.',
      decisionDueOn: '2013-04-04',
    },
  },
  ...(['PP-R-1', 'PP-R-2', 'PP-R-3'] as const).map((processId, i): CaseEvent => ({
    type: 'ParallelProcessRecorded',
    data: {
      occurredOn: '2013-03-04',
      processId,
      processType: (
        [
          'CRIMINAL_INVESTIGATION',
          'HEALTH_AND_SAFETY_INVESTIGATION',
          'SOCIAL_CARE_INVESTIGATION',
        ] as const
      )[i],
      leadAgency: [
        'Thames Valley Police',
        'Health and Safety Executive',
        "Oxfordshire Children's Social Care",
      ][i],
      impact: ['PAUSES_REVIEW'],
    },
  })),
  {
    type: 'DecisionRecorded',
    data: {
      occurredOn: '2013-03-28',
      decisionId: 'D-R-1',
      outcome: 'SCR_COMMISSIONED',
      criteriaMet: true,
      criteriaApplied: [{ criterion: 'CHILD_DIED_ABUSE_OR_NEGLECT_SUSPECTED', result: 'MET' }],
      rationale: 'A child died; abuse or neglect suspected.',
      decidedBy: { name: 'OSCB Independent Chair', role: 'LSCB_CHAIR' },
      dueOn: '2013-04-04',
    },
  },
  {
    type: 'ReviewCommissioned',
    data: {
      occurredOn: '2013-04-10',
      reviewId: 'RV-R',
      reviewType: 'SCR',
      methodology: 'OTHER',
      agenciesAsked: [],
      familyInvolvementPlanned: true,
      targetCompletionOn: '2013-09-28',
    },
  },
  { type: 'ReportCompleted', data: { occurredOn: '2014-01-15', kind: 'SUMMARY' } },
  {
    type: 'ReviewPaused',
    data: {
      occurredOn: '2014-01-15',
      reason: 'PARALLEL_PROCESS',
      detail: 'Pending the police, Health & Safety and social care investigations',
      parallelProcessIds: ['PP-R-1', 'PP-R-2', 'PP-R-3'],
    },
  },
  {
    type: 'ParallelProcessConcluded',
    data: { occurredOn: '2014-12-31', processId: 'PP-R-3', outcome: 'Concluded' },
  },
  {
    type: 'ParallelProcessConcluded',
    data: { occurredOn: '2016-06-30', processId: 'PP-R-1', outcome: 'Concluded' },
  },
  {
    type: 'ParallelProcessConcluded',
    data: {
      occurredOn: '2020-09-21',
      processId: 'PP-R-2',
      outcome: 'Home pleaded guilty to a breach of Health & Safety legislation',
    },
  },
  {
    type: 'ReviewResumed',
    data: { occurredOn: '2020-09-28', reason: 'SCR prepared for publication' },
  },
];

const partners = { name: 'Thurrock safeguarding partners', role: 'SAFEGUARDING_PARTNERS' as const };

/** domain.md §7.5, T-01 … T-13: WT2018 clocks in working days, a contested decision, a late publication. */
export const childT: CaseEvent[] = [
  {
    type: 'CaseReferred',
    data: {
      occurredOn: '2019-12-20',
      caseId: 'T',
      caseRef: 'LCSPR Child T',
      regime: 'WT2018',
      referringAgency: "Thurrock Children's Social Care",
      subjects: [{ pseudonym: 'Child T', role: 'SUBJECT', ageBand: 'UNDER_1' }],
      incident: { type: 'SERIOUS_HARM', date: '2019-12-19', datePrecision: 'DAY' },
      becameAwareOn: '2019-12-20',
      abuseOrNeglect: 'SUSPECTED',
      themes: ['PHYSICAL_ABUSE'],
      summary: 'Entirely synthetic case exercising the WT2018 clocks.',
    },
  },
  {
    type: 'SeriousIncidentNotified',
    data: {
      occurredOn: '2020-01-02',
      becameAwareOn: '2019-12-20',
      notifiedTo: ['PANEL', 'OFSTED', 'DFE'],
      dueOn: '2019-12-31',
      late: {
        clock: 'SERIOUS_INCIDENT_NOTIFICATION',
        dueOn: '2019-12-31',
        reason: { code: 'OFFICE_CLOSURE', detail: 'Office closure over Christmas' },
      },
    },
  },
  { type: 'RapidReviewStarted', data: { occurredOn: '2020-01-02', dueOn: '2020-01-15' } },
  {
    type: 'RapidReviewCompleted',
    data: {
      occurredOn: '2020-01-15',
      recommendation: 'RECOMMEND_NFA',
      submittedToPanelOn: '2020-01-15',
    },
  },
  {
    type: 'DecisionRecorded',
    data: {
      occurredOn: '2020-01-15',
      decisionId: 'D-T-1',
      outcome: 'NO_FURTHER_ACTION',
      criteriaMet: false,
      criteriaApplied: [{ criterion: 'LOCAL_LEARNING_POTENTIAL', result: 'NOT_MET' }],
      rationale: 'Learning captured in the rapid review.',
      decidedBy: partners,
    },
  },
  {
    type: 'DecisionContested',
    data: {
      occurredOn: '2020-01-29',
      decisionId: 'D-T-1',
      contestedBy: 'NATIONAL_PANEL',
      grounds: 'Local learning potential',
    },
  },
  {
    type: 'DecisionRevised',
    data: {
      occurredOn: '2020-02-05',
      decisionId: 'D-T-2',
      supersedesDecisionId: 'D-T-1',
      outcome: 'LCSPR_COMMISSIONED',
      criteriaMet: true,
      rationale: 'The Panel identified learning for the partnership.',
      reason: 'Panel challenge',
      trigger: 'PANEL_CHALLENGE',
      decidedBy: partners,
    },
  },
  {
    type: 'ParallelProcessRecorded',
    data: {
      occurredOn: '2020-02-05',
      processId: 'PP-T-1',
      processType: 'CRIMINAL_PROCEEDINGS',
      leadAgency: 'Essex Police',
      impact: ['DELAYS_PUBLICATION'],
    },
  },
  {
    type: 'ReviewCommissioned',
    data: {
      occurredOn: '2020-02-19',
      reviewId: 'RV-T',
      reviewType: 'LCSPR',
      methodology: 'REVIEWER_LED',
      agenciesAsked: ['Essex Police', "Thurrock Children's Social Care"],
      familyInvolvementPlanned: true,
      targetCompletionOn: '2020-08-05',
      publicationDueOn: '2020-08-05',
    },
  },
  { type: 'ReportSignedOff', data: { occurredOn: '2020-07-20', by: 'PARTNERS' } },
  {
    type: 'PublicationDeferred',
    data: {
      occurredOn: '2020-07-20',
      reason: 'CRIMINAL_PROCEEDINGS',
      detail: 'Criminal trial listed for 2021',
    },
  },
  {
    type: 'PanelNotifiedOfPublication',
    data: {
      occurredOn: '2021-04-28',
      recipients: ['PANEL', 'SECRETARY_OF_STATE'],
      plannedPublicationOn: '2021-05-10',
    },
  },
  {
    type: 'ReviewPublished',
    data: {
      occurredOn: '2021-05-10',
      form: 'FULL_REPORT',
      late: {
        clock: 'PUBLICATION',
        dueOn: '2020-08-05',
        reason: {
          code: 'AWAITING_POLICE_INVESTIGATION_OR_TRIAL',
          detail: 'Held back until the criminal trial',
        },
      },
    },
  },
];
