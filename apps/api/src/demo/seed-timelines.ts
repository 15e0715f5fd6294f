/**
 * The case timelines of domain.md §7, as the HTTP requests a business unit would send, in
 * append order. Tests replay them through the API; the demo loads them the same way.
 * Dates, ids and texts follow the seed tables; where a seed is silent the brief's assumptions
 * (tag A) are used, and reasons for delay quote the seeds (§3.4).
 */

export interface SeedRequest {
  /** Path under /api/cases; '' refers the case. */
  path: string;
  body: Record<string, unknown>;
  /** The seed's `recorded` column where it differs from the day the fact happened. */
  knownOn?: string;
}

/** Where a seed request goes: its own absolute path, or the case's route (`''` refers the case). */
export const pathOf = (caseId: string, request: SeedRequest): string =>
  request.path.startsWith('/api/') ? request.path : `/api/cases${request.path === '' ? '' : `/${caseId}${request.path}`}`;

export interface SeedCase {
  caseId: string;
  requests: SeedRequest[];
  /** Action-plan requests, sent after the case timeline; paths are absolute (`/api/...`). */
  actionPlan?: SeedRequest[];
  /**
   * The seed's synthetic escalations (tag X), as a person would record them. Only the demo
   * sends them: they fall on the automatic escalator's thresholds, which tests prove separately.
   */
  escalations?: SeedRequest[];
}

const chair = { name: 'Independent Chair of the LSCB', role: 'LSCB_CHAIR' };
const oscbChair = { name: 'OSCB Independent Chair', role: 'LSCB_CHAIR' };
const partners = { name: 'The three safeguarding partners', role: 'SAFEGUARDING_PARTNERS' };

const refer = (body: Record<string, unknown>): SeedRequest => ({ path: '', body });
const step = (
  path: string,
  occurredOn: string,
  body: Record<string, unknown> = {},
): SeedRequest => ({
  path: `/${path}`,
  body: { occurredOn, ...body },
});

const recommendation = (
  occurredOn: string,
  recommendationId: string,
  number: string,
  text: string,
  addressedTo: string,
  scope = 'SINGLE_AGENCY',
  source = 'IMR',
  themes: string[] = [],
) =>
  step('recommendations', occurredOn, {
    recommendationId,
    number,
    text,
    source,
    addressedTo,
    scope,
    themes,
  });

const B1_AGENCY_RECOMMENDATIONS: [string, string, string, string, string?][] = [
  [
    'CCG-1',
    'CCG 1',
    'Children with suspected failure to thrive should be referred for a paediatric assessment',
    'Leicester City CCG',
  ],
  [
    'CCG-2',
    'CCG 2',
    "If a child is failing to thrive and a non-organic cause is thought likely a referral for assessment by children's social care should be made",
    'Leicester City CCG',
  ],
  [
    'LPT-2',
    'LPT 2',
    'To develop a Safeguarding Children Supervision Pathway … less dependence on the Advice Line for decision making',
    'Leicestershire Partnership NHS Trust',
  ],
  [
    'LPT-3',
    'LPT 3',
    'Practitioners are to be reminded not to share copies of child health records with partner agencies without consent',
    'Leicestershire Partnership NHS Trust',
  ],
  [
    'LPT-5',
    'LPT 5',
    'When practitioners plan to review a child, the date of the review is to be entered on the staff ledger on SystmOne',
    'Leicestershire Partnership NHS Trust',
  ],
  [
    'EYST-ii',
    'EYST ii',
    'EYST should review and update the Safeguarding Policy and make sure it is relevant to those practitioners',
    'Early Years Support Team',
  ],
  [
    'EYST-iii',
    'EYST iii',
    'EYST should review the following records: referral, lesson plans, chronology of safeguarding concerns',
    'Early Years Support Team',
  ],
  [
    'CSC-2',
    'CSC 2',
    'All assessments undertaken that involve domestic violence will result in advice and signposting to services and consider the impact on children',
    "Children's Social Care",
  ],
  [
    'CSC-4',
    'CSC 4',
    'The local authority will promote an assessment and intervention model',
    "Children's Social Care",
  ],
  [
    'CSC-5',
    'CSC 5',
    'If a Child Protection Plan is not implemented or is not safeguarding a child the review conference must be brought forward',
    "Children's Social Care",
  ],
  [
    'CSC-9',
    'CSC 9',
    'Each referral taken within Duty and Advice will consider the family history',
    "Children's Social Care",
  ],
  [
    'CSC-11',
    'CSC 11',
    'Strategy discussions will be held with health professionals as well as police and any other relevant agencies',
    "Children's Social Care",
  ],
  [
    'LSCB-1',
    'LSCB 1',
    'All practitioners will have a greater understanding of how to respond to Failure to Thrive',
    'Leicester LSCB',
    // Addressed to the partnership: monitored by the Executive group (domain.md §4.5, §7.1 register).
    'MULTI_AGENCY',
  ],
  [
    'LSCB-2',
    'LSCB 2',
    'Professional disagreements procedures will be initiated and escalated as appropriate',
    'Leicester LSCB',
    // Addressed to the partnership: monitored by the Executive group (domain.md §4.5, §7.1 register).
    'MULTI_AGENCY',
  ],
  [
    'UHL-1',
    'UHL 1',
    'To ensure the findings from this review are effectively disseminated to Safeguarding Leads across UHL',
    'University Hospitals of Leicester NHS Trust',
  ],
];

const B1_OVERVIEW_RECOMMENDATIONS: [string, string, string][] = [
  [
    'OVR-23.1-i',
    '23.1(i)',
    'That the Safeguarding Children Board through its Learning and Improvement Framework set out a plan of audit against the actions set out for individual agencies',
  ],
  [
    'OVR-23.1-ii',
    '23.1(ii)',
    "That Risk Assessment and Analysis training for multi-disciplinary practitioners' addresses culturally sensitive practice",
  ],
  [
    'OVR-23.1-iii',
    '23.1(iii)',
    'That the Safeguarding Children Board agree a clear protocol with legal services about how they will take part in Serious Case Reviews',
  ],
  ['OVR-23.2-i', '23.2(i)', 'Conference chair to review invitation lists, including GPs'],
  ['OVR-23.2-ii', '23.2(ii)', 'Check all elements of the CP plan are completed before cessation'],
  ['OVR-23.2-iii', '23.2(iii)', 'Parental assessment to include the full history of both parents'],
  [
    'OVR-23.2-iv',
    '23.2(iv)',
    'Review and update LSCB chapter 9.2 "Resolving Professional Disagreements" into a "Good practice" model',
  ],
  ['OVR-23.2-v', '23.2(v)', 'Multi-agency workshops on Parenting Capacity Assessments'],
];

export const CHILD_B1: SeedCase = {
  caseId: 'B1',
  requests: [
    refer({
      caseId: 'B1',
      caseRef: 'SCR B1',
      occurredOn: '2014-10-07',
      referringAgency: "Children's Social Care",
      subjects: [
        {
          pseudonym: 'Child B1',
          role: 'SUBJECT',
          ageAtIncident: 2,
          ageBand: '1_TO_5',
          sex: 'FEMALE',
          childProtectionPlan: true,
        },
      ],
      incident: {
        type: 'SERIOUS_HARM',
        date: '2014-08-27',
        datePrecision: 'DAY',
        description: 'Choked; pre-hospital cardiac arrest; hypoxic brain injury',
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
      summary:
        'Child B1, subject of a child protection plan for neglect, suffered serious harm on 27 August 2014.',
    }),
    step('consideration', '2014-10-07', { body: 'SCR_SUBGROUP', outcome: 'DEFER_FOR_INFORMATION' }),
    step('parallel-processes', '2014-10-07', {
      processId: 'PP-B1-1',
      processType: 'CRIMINAL_INVESTIGATION',
      leadAgency: 'Leicestershire Police',
      impact: ['DELAYS_DECISION'],
    }),
    step('parallel-processes', '2014-10-07', {
      processId: 'PP-B1-2',
      processType: 'CARE_PROCEEDINGS',
      leadAgency: 'Leicester City Council',
      impact: ['DELAYS_DECISION'],
    }),
    step('decision/recommendation', '2014-12-15', {
      recommendedOutcome: 'SCR_COMMISSIONED',
      rationale: 'Criteria for a Serious Case Review are met',
      recommendedBy: { name: 'Chair of the SCR sub-group', role: 'Sub-group chair' },
    }),
    step('decision', '2014-12-19', {
      decisionId: 'D-B1-1',
      outcome: 'SCR_COMMISSIONED',
      criteriaMet: true,
      criteriaApplied: [
        { criterion: 'Abuse or neglect known or suspected', result: 'MET' },
        { criterion: 'Child seriously harmed', result: 'MET' },
        { criterion: 'Cause for concern about how agencies worked together', result: 'MET' },
      ],
      rationale:
        'Seriously harmed child subject of a child protection plan; concerns about inter-agency working',
      decidedBy: chair,
      reasonForDelay: {
        code: 'CHANGE_OF_STAFF',
        detail:
          "A change of key personnel within the LSCB Office and the ongoing criminal investigation and care proceedings; a lack of clarity and timelines surrounding the sub-group's referral, information gathering and decision making criterion",
      },
    }),
    // B1-07 and B1-08: Ofsted and the national panel learned of the decision the same day.
    step('decision/panel-notification', '2015-01-14', {
      decisionId: 'D-B1-1',
      recipients: ['OFSTED', 'PANEL'],
    }),
    step('review', '2015-01-14', {
      reviewId: 'RV-B1',
      reviewType: 'SCR',
      methodology: 'WORKING_TOGETHER',
      leadReviewer: { name: 'Safron Rose', role: 'Independent lead reviewer and author' },
      periodFrom: '2010-10-20',
      periodTo: '2014-08-27',
      agenciesAsked: [
        'Leicestershire Police',
        "Children's Social Care",
        'Leicester City CCG',
        'Leicestershire Partnership NHS Trust',
        'University Hospitals of Leicester NHS Trust',
        'Early Years Support Team',
        'Local Authority Legal Department',
      ],
      familyInvolvementPlanned: true,
    }),
    // B1-10: the lead reviewer, who also wrote the overview report, and the panel chair (003 §4).
    step('review/reviewers', '2015-01-14', {
      role: 'LEAD_REVIEWER',
      name: 'Safron Rose',
      organisation: 'Independent child protection consultant',
      independenceStatement:
        'Lead reviewer and overview report author, independent of the agencies involved with Child B1 and the family',
    }),
    step('review/reviewers', '2015-01-14', {
      role: 'PANEL_CHAIR',
      name: 'Ruby Parry',
      organisation: 'Independent',
      independenceStatement: 'Independent chair of the SCR panel',
    }),
    step('review/terms-of-reference', '2015-01-14', {
      periodFrom: '2010-10-20',
      periodTo: '2014-08-27',
      keyIssues: [
        'Child protection planning history',
        'Domestic violence and substance misuse',
        'Attachment',
        'Escalation policy',
        'Legal advice and social work',
        'Race, culture and gender',
        'Partnership with parents',
        "Each child's wellbeing and voice",
      ],
    }),
    step('review/agency-reports/declined', '2015-02-02', {
      agency: 'Local Authority Legal Department',
      reportType: 'IMR',
      reason: 'Unable to provide a chronology or IMR; its contribution was discussed at the panel',
    }),
    step('review/family-involvement', '2015-02-02', {
      involvement: 'INVITED',
      familyMemberRole: 'parents',
      method: 'LETTER',
    }),
    ...B1_AGENCY_RECOMMENDATIONS.map(([id, number, text, agency, scope]) =>
      recommendation('2015-03-02', id, number, text, agency, scope),
    ),
    step('review/family-involvement', '2015-04-30', {
      involvement: 'NO_RESPONSE',
      familyMemberRole: 'parents',
    }),
    step('review/reports', '2015-09-30', { kind: 'OVERVIEW', author: 'Safron Rose' }),
    ...B1_OVERVIEW_RECOMMENDATIONS.map(([id, number, text]) => {
      const added = recommendation(
        '2015-09-30',
        id,
        number,
        text,
        'Leicester LSCB',
        'MULTI_AGENCY',
        'OVERVIEW_REPORT',
      );
      // 23.2(i)–(v) "are repeated below as they are relevant" from two earlier SCRs (003 §23.2).
      return number.startsWith('23.2')
        ? {
            ...added,
            body: {
              ...added.body,
              source: 'REPEATED_FROM_PRIOR_REVIEW',
              repeats: { review: 'Child A and Child Q SCRs' },
            },
          }
        : added;
    }),
    step('review/sign-off', '2015-10-28', {
      by: 'Leicester LSCB',
      reasonForDelay: {
        code: 'PARALLEL_PROCESSES',
        detail:
          'Ongoing criminal investigation and care proceedings; change of key personnel in the LSCB office',
      },
    }),
    step('review/publication', '2016-06-13', { form: 'FULL_REPORT' }),
  ],
};

/**
 * The ten recommendations under seed 000's six progress headings, R1 to R10 in order: the
 * brief's assumed mapping (domain.md §7.2), since the texts are not in the seed.
 */
const R_RECOMMENDATION_THEMES = [
  'EARLY_HELP',
  'EARLY_HELP',
  'NEGLECT',
  'COURT_ORDERS',
  'PLACEMENT_MONITORING',
  'PLACEMENT_MONITORING',
  'PLACEMENT_MONITORING',
  'PLACEMENT_SUFFICIENCY',
  'COMPLEX_HEALTH_NEEDS',
  'COMPLEX_HEALTH_NEEDS',
];

export const CHILD_R: SeedCase = {
  caseId: 'R',
  requests: [
    refer({
      caseId: 'R',
      caseRef: 'SCR Child R',
      occurredOn: '2013-03-04',
      referringAgency: "Oxfordshire Children's Social Care",
      subjects: [
        {
          pseudonym: 'Child R',
          role: 'SUBJECT',
          ageAtIncident: 13,
          ageBand: '11_TO_15',
          sex: 'FEMALE',
          lookedAfter: true,
        },
      ],
      incident: {
        type: 'DEATH',
        date: '2013-02-01',
        datePrecision: 'MONTH',
        suspectedSuicide: true,
        description: 'Took her own life in an out-of-county residential placement',
      },
      becameAwareOn: '2013-03-04',
      abuseOrNeglect: 'SUSPECTED',
      themes: ['SELF_HARM', 'SUICIDE', 'CHILDREN_IN_CARE', 'PLACEMENTS', 'NEGLECT'],
      summary: 'A 13-year-old child in care died in an out-of-county residential placement.',
    }),
    step('parallel-processes', '2013-03-04', {
      processId: 'PP-R-1',
      processType: 'CRIMINAL_INVESTIGATION',
      leadAgency: 'Thames Valley Police',
      impact: ['PAUSES_REVIEW'],
    }),
    step('parallel-processes', '2013-03-04', {
      processId: 'PP-R-2',
      processType: 'HEALTH_AND_SAFETY_INVESTIGATION',
      leadAgency: 'Health and Safety Executive',
      impact: ['PAUSES_REVIEW'],
    }),
    step('parallel-processes', '2013-03-04', {
      processId: 'PP-R-3',
      processType: 'SOCIAL_CARE_INVESTIGATION',
      leadAgency: "Children's Social Care",
      impact: ['PAUSES_REVIEW'],
    }),
    step('decision', '2013-03-28', {
      decisionId: 'D-R-1',
      outcome: 'SCR_COMMISSIONED',
      criteriaMet: true,
      criteriaApplied: [
        { criterion: 'Child died', result: 'MET' },
        { criterion: 'Abuse or neglect known or suspected', result: 'MET' },
      ],
      rationale: 'The child died; abuse or neglect known or suspected',
      decidedBy: oscbChair,
    }),
    step('review', '2013-04-10', {
      reviewId: 'RV-R',
      reviewType: 'SCR',
      methodology: 'OTHER',
      agenciesAsked: [],
      familyInvolvementPlanned: true,
    }),
    step('learning', '2013-07-01', {
      learning: 'Immediate learning identified by the OSCB',
      immediateActions: [],
    }),
    step('review/reports', '2014-01-15', { kind: 'SUMMARY' }),
    step('review/pause', '2014-01-15', {
      reason: 'PARALLEL_PROCESS',
      detail: 'Police, Health & Safety and social care investigations',
      parallelProcessIds: ['PP-R-1', 'PP-R-2', 'PP-R-3'],
    }),
    step('parallel-processes/PP-R-3/conclusion', '2014-12-31', {
      outcome: 'Social care investigation concluded',
    }),
    step('parallel-processes/PP-R-1/conclusion', '2016-06-30', {
      outcome: 'Police investigation concluded',
    }),
    step('parallel-processes/PP-R-2/conclusion', '2020-09-21', {
      outcome: 'The home pleaded guilty to a breach of Health & Safety legislation',
    }),
    step('review/resume', '2020-09-28', { reason: 'SCR prepared for publication' }),
    step('new-information', '2020-11-16', {
      source: 'Health & Safety prosecution papers',
      summary: 'Further information from the prosecution papers',
      affects: 'REPORT',
    }),
    step('review/reports', '2021-06-30', {
      kind: 'OVERVIEW',
      revisionReason: 'Updated after the Health & Safety prosecution papers',
    }),
    step('review/sign-off', '2021-11-10', {
      by: 'Oxfordshire Safeguarding Children Board',
      reasonForDelay: {
        code: 'PARALLEL_PROCESSES',
        detail:
          'Complex and protracted concurrent police, Health & Safety and social care investigations',
      },
    }),
    step('review/publication', '2021-12-09', { form: 'FULL_REPORT' }),
    ...(
      [
        [
          'F-R-a',
          'Working to keep children safe within their families continues to be a challenge',
        ],
        [
          'F-R-b',
          'Placement planning and managing the complex needs of Children in Care needs sufficient placement availability',
        ],
        [
          'F-R-c',
          'Where there is a risk of suicide, Children in Care should have a clearly articulated suicide prevention plan',
        ],
      ] as const
    ).map(([findingId, text]) => step('findings', '2021-12-09', { findingId, text, themes: [] })),
    ...R_RECOMMENDATION_THEMES.map((theme, i) => {
      const n = String(i + 1).padStart(2, '0');
      return recommendation(
        '2021-12-09',
        `R-REC-${n}`,
        String(i + 1),
        `Child R recommendation ${i + 1} (text not in the seed)`,
        'Oxfordshire Safeguarding Children Board',
        'MULTI_AGENCY',
        'OVERVIEW_REPORT',
        [theme],
      );
    }),
    step('review/scrutiny', '2022-02-17', {
      body: 'People Overview & Scrutiny Committee',
      outcome: 'NOTED',
      notes:
        'Report dated 7 Feb 2022: recommended to note the findings, recommendations and actions',
    }),
  ],
};

const SK_RECOMMENDATIONS = [
  'Thurrock Safeguarding Children Partnership should review within the next six months its procedure for the escalation of concerns and for resolving differences of view between professional and agencies.',
  'Thurrock Safeguarding Children Partnership should develop a series of practice workshops to be run between agencies to explore and build on better co-operation and understanding of handling complex or persistent cases.',
  'Thurrock Safeguarding Children Partnership should, using the principles within the Signs of Safety approach, review interagency procedures for establishing agreement with families of written care plans.',
  'Thurrock Safeguarding Children Partnership should consider auditing the operation of the Prevention and Support Service programme.',
  'Thurrock Safeguarding Children Partnership is recommended to encourage the continued development of the Signs of Safety approach, and the use of the Graded Care Profile 2.',
];

export const SAM_AND_KYLE: SeedCase = {
  caseId: 'SK',
  requests: [
    refer({
      caseId: 'SK',
      caseRef: 'SCR Sam & Kyle',
      occurredOn: '2018-01-22',
      referringAgency: "Thurrock Children's Social Care",
      subjects: [
        { pseudonym: 'Sam', role: 'SUBJECT', ageAtIncident: 2, ageBand: '1_TO_5' },
        { pseudonym: 'Kyle', role: 'SIBLING', ageAtIncident: 5, ageBand: '1_TO_5' },
      ],
      incident: {
        type: 'DEATH',
        date: '2018-01-01',
        datePrecision: 'MONTH',
        description: 'Sam died at home',
      },
      becameAwareOn: '2018-01-22',
      abuseOrNeglect: 'SUSPECTED',
      themes: ['NEGLECT', 'ESCALATION'],
      summary:
        'Sam, aged two, died at home in January 2018; his brother Kyle was also known to services.',
    }),
    step('parallel-processes', '2018-01-22', {
      processId: 'PP-SK-1',
      processType: 'CRIMINAL_INVESTIGATION',
      leadAgency: 'Essex Police',
      impact: [],
    }),
    step('parallel-processes/PP-SK-1/conclusion', '2018-02-05', {
      outcome: 'No presumption of non-accidental injury; Essex Police took no further action',
    }),
    step('decision', '2018-02-19', {
      decisionId: 'D-SK-1',
      outcome: 'SCR_COMMISSIONED',
      criteriaMet: true,
      criteriaApplied: [{ criterion: 'Child died', result: 'MET' }],
      rationale: 'Multi-agency learning suspected',
      decidedBy: { name: 'Thurrock LSCB Independent Chair', role: 'LSCB_CHAIR' },
    }),
    step('review', '2018-03-12', {
      reviewId: 'RV-SK',
      reviewType: 'SCR',
      methodology: 'REVIEWER_LED',
      periodFrom: '2012-10-01',
      periodTo: '2018-01-31',
      agenciesAsked: ['Essex Police', "Thurrock Children's Social Care", 'Health'],
      familyInvolvementPlanned: true,
    }),
    // SK-06: from Kyle's birth (October 2012) to Sam's death (January 2018); KLOEs verbatim (002 §2.2).
    step('review/terms-of-reference', '2018-03-12', {
      periodFrom: '2012-10-01',
      periodTo: '2018-01-31',
      keyIssues: [
        'How well agencies co-ordinated; including universal services, shared information, understood threshold and escalated concerns.',
        'Dealing with neglect; use of tools and training.',
        'Professional confidence and curiosity, management oversight and the support offered to vulnerable parents.',
      ],
    }),
    step('review/practitioner-events', '2018-11-20', {
      notes: 'Staff and managers contribute their perspectives',
    }),
    step('regime-transition', '2019-05-01', {
      toRegime: 'WT2018',
      newGovernance: 'Thurrock LSCP (Police, Health, CSC)',
    }),
    step('review/family-involvement', '2019-06-03', {
      involvement: 'INVITED',
      familyMemberRole: 'parents',
      method: 'VISIT',
    }),
    step('review/extension', '2020-03-23', {
      newTargetOn: '2020-06-30',
      reason:
        'Delays in meeting with the family, combined with the impact of Covid-19 restrictions',
      approvedBy: { name: 'LSCP Executive', role: 'Safeguarding partners' },
    }),
    step('review/sign-off', '2020-06-15', {
      by: 'Thurrock LSCP partner agencies',
      reasonForDelay: {
        code: 'FAMILY_ENGAGEMENT',
        detail:
          'Delays in meeting with the family, combined with the impact of restrictions resulting from Covid-19',
      },
    }),
    step('review/publication', '2020-07-30', { form: 'FULL_REPORT' }),
    ...SK_RECOMMENDATIONS.map((text, i) =>
      recommendation(
        '2020-07-30',
        `SK-REC-${i + 1}`,
        String(i + 1),
        text,
        'Thurrock Safeguarding Children Partnership',
        'MULTI_AGENCY',
        'OVERVIEW_REPORT',
      ),
    ),
    // SK-15: after the action plan of 2020-09-01; the demo loader sends requests by date.
    step('review/scrutiny', '2020-10-06', {
      body: "Children's Services O&S Committee",
      outcome: 'ACCEPTED',
      notes:
        'Recommended to accept the recommendations and the action plan (option: ask the LSCP to review the plan)',
    }),
  ],
};

const oxReferral = (
  caseId: string,
  occurredOn: string,
  referringAgency: string,
  pseudonym: string,
) =>
  refer({
    caseId,
    caseRef: caseId,
    occurredOn,
    referringAgency,
    subjects: [{ pseudonym, role: 'SUBJECT' }],
    incident: { type: 'SERIOUS_HARM', datePrecision: 'DAY' },
    becameAwareOn: occurredOn,
    abuseOrNeglect: 'SUSPECTED',
    themes: [],
    summary: 'Referral to the Case Review and Governance subgroup (details not in the seed).',
  });

const oxDecision = (
  occurredOn: string,
  decisionId: string,
  outcome: string,
  criteriaMet: boolean,
  extra: Record<string, unknown> = {},
) =>
  step('decision', occurredOn, {
    decisionId,
    outcome,
    criteriaMet,
    criteriaApplied: [],
    rationale: criteriaMet ? 'Criteria met' : 'Criteria not met',
    decidedBy: oscbChair,
    ...extra,
  });

export const OX_CASES: SeedCase[] = [
  {
    caseId: 'OX-1516-02',
    requests: [
      oxReferral('OX-1516-02', '2015-10-12', "Children's Social Care", 'Child OX2'),
      step('consideration', '2015-11-04', { body: 'CRAG', outcome: 'RECOMMEND_NFA' }),
      oxDecision('2015-11-09', 'D-OX2-1', 'NO_FURTHER_ACTION', false),
      step('decision/panel-notification', '2015-11-16', {
        decisionId: 'D-OX2-1',
        recipients: ['PANEL'],
      }),
      step('decision/contest', '2016-01-20', {
        decisionId: 'D-OX2-1',
        contestedBy: 'NATIONAL_PANEL',
        grounds: 'The Panel does not agree the criteria were applied correctly',
      }),
      step('decision/reaffirmation', '2016-02-15', {
        decisionId: 'D-OX2-1',
        by: { name: 'Independent reviewer', role: 'OSCB' },
        rationale: 'Reviewed independently: criteria still not met',
      }),
      step('decision/revision', '2016-02-15', {
        decisionId: 'D-OX2-2',
        supersedesDecisionId: 'D-OX2-1',
        outcome: 'ALTERNATIVE_REVIEW',
        alternativeReviewType: 'PARTNERSHIP_REVIEW',
        criteriaMet: false,
        rationale: 'Criteria not met, but the work should be reviewed',
        reason: 'To ensure the work is reviewed and parents are able to inform this process',
        trigger: 'PANEL_CHALLENGE',
        decidedBy: oscbChair,
      }),
      step('decision/panel-notification', '2016-02-17', {
        decisionId: 'D-OX2-2',
        recipients: ['PANEL'],
      }),
      step('review', '2016-03-01', {
        reviewId: 'RV-OX2',
        reviewType: 'PARTNERSHIP_REVIEW',
        methodology: 'OTHER',
        agenciesAsked: [],
        familyInvolvementPlanned: true,
      }),
      step('review/family-involvement', '2016-03-15', {
        involvement: 'INVITED',
        familyMemberRole: 'parents',
      }),
    ],
  },
  {
    caseId: 'OX-1617-01',
    requests: [
      oxReferral('OX-1617-01', '2016-05-10', "Children's Social Care", 'Young person OX3'),
      step('consideration', '2016-05-25', { body: 'CRAG', outcome: 'RECOMMEND_REVIEW' }),
      oxDecision('2016-06-02', 'D-OX3-1', 'SCR_COMMISSIONED', true),
      step('decision/panel-notification', '2016-06-03', {
        decisionId: 'D-OX3-1',
        recipients: ['PANEL', 'OFSTED'],
      }),
      step('review', '2016-06-20', {
        reviewId: 'RV-OX3',
        reviewType: 'SCR',
        methodology: 'SCIE_SYSTEMS',
        agenciesAsked: [],
        familyInvolvementPlanned: true,
      }),
    ],
  },
  {
    caseId: 'OX-1617-02',
    requests: [
      oxReferral('OX-1617-02', '2016-09-14', 'Thames Valley Police', 'Child OX4'),
      step('consideration', '2016-10-05', { body: 'CRAG', outcome: 'RECOMMEND_ALTERNATIVE' }),
      oxDecision('2016-10-12', 'D-OX4-1', 'ALTERNATIVE_REVIEW', false, {
        alternativeReviewType: 'PARTNERSHIP_REVIEW',
      }),
      step('decision/panel-notification', '2016-10-19', {
        decisionId: 'D-OX4-1',
        recipients: ['PANEL'],
      }),
      step('review', '2016-11-01', {
        reviewId: 'RV-OX4',
        reviewType: 'PARTNERSHIP_REVIEW',
        methodology: 'OTHER',
        agenciesAsked: [],
        familyInvolvementPlanned: false,
      }),
    ],
  },
  {
    caseId: 'OX-1617-03',
    requests: [
      oxReferral('OX-1617-03', '2017-02-20', "Children's Social Care", 'Child OX5'),
      step('consideration', '2017-03-08', { body: 'CRAG', outcome: 'DEFER_FOR_INFORMATION' }),
      step('decision/deferral', '2017-03-08', {
        reason: 'AWAITING_POLICE',
        detail: 'Awaiting outcome of police investigation',
        nextConsiderationOn: '2017-04-05',
      }),
    ],
  },
  {
    caseId: 'OX-1617-04',
    requests: [oxReferral('OX-1617-04', '2017-03-13', "Children's Social Care", 'Child OX6')],
  },
];

export const CHILD_T: SeedCase = {
  caseId: 'T',
  requests: [
    refer({
      caseId: 'T',
      caseRef: 'LCSPR Child T',
      occurredOn: '2019-12-20',
      referringAgency: "Thurrock Children's Social Care",
      subjects: [{ pseudonym: 'Child T', role: 'SUBJECT', ageBand: '1_TO_5' }],
      incident: { type: 'SERIOUS_HARM', date: '2019-12-19', datePrecision: 'DAY' },
      becameAwareOn: '2019-12-20',
      abuseOrNeglect: 'SUSPECTED',
      themes: ['PHYSICAL_ABUSE'],
      summary: 'Synthetic case exercising WT2018 working-day clocks across bank holidays.',
    }),
    step('national-panel-notification', '2020-01-02', {
      becameAwareOn: '2019-12-20',
      notifiedTo: ['PANEL', 'OFSTED', 'DFE'],
      reasonForDelay: { code: 'OFFICE_CLOSURE', detail: 'Office closure over Christmas' },
    }),
    step('rapid-review/start', '2020-01-02'),
    step('rapid-review', '2020-01-15', {
      recommendation: 'RECOMMEND_NFA',
      submittedToPanelOn: '2020-01-15',
    }),
    step('decision', '2020-01-15', {
      decisionId: 'D-T-1',
      outcome: 'NO_FURTHER_ACTION',
      criteriaMet: false,
      criteriaApplied: [],
      rationale: 'Learning captured in the rapid review',
      decidedBy: partners,
    }),
    step('national-panel-response', '2020-01-29', {
      decisionId: 'D-T-1',
      agreesWithDecision: false,
      comments: 'The Panel sees local learning potential',
    }),
    step('decision/revision', '2020-02-05', {
      decisionId: 'D-T-2',
      supersedesDecisionId: 'D-T-1',
      outcome: 'LCSPR_COMMISSIONED',
      criteriaMet: true,
      rationale: 'Local learning potential identified by the Panel',
      reason: "Panel's response to the rapid review",
      trigger: 'PANEL_CHALLENGE',
      decidedBy: partners,
    }),
    step('parallel-processes', '2020-02-05', {
      processId: 'PP-T-1',
      processType: 'CRIMINAL_PROCEEDINGS',
      leadAgency: 'Essex Police',
      impact: ['DELAYS_PUBLICATION'],
    }),
    step('review', '2020-02-19', {
      reviewId: 'RV-T',
      reviewType: 'LCSPR',
      methodology: 'REVIEWER_LED',
      leadReviewer: { name: 'Independent reviewer', role: 'Lead reviewer' },
      agenciesAsked: [],
      familyInvolvementPlanned: true,
    }),
    step('review/sign-off', '2020-07-20', { by: 'The three safeguarding partners' }),
    step('review/publication-deferral', '2020-07-20', {
      reason: 'CRIMINAL_PROCEEDINGS',
      detail: 'Criminal trial listed for 2021',
    }),
    step('review/publication-notice', '2021-04-28', {
      recipients: ['PANEL', 'SECRETARY_OF_STATE'],
      plannedPublicationOn: '2021-05-10',
    }),
    step('review/publication', '2021-05-10', {
      form: 'FULL_REPORT',
      reasonForDelay: {
        code: 'AWAITING_POLICE_INVESTIGATION_OR_TRIAL',
        detail: 'Publication deferred until after the criminal trial',
      },
    }),
  ],
};

/* Action plans (domain.md §7.1 and §7.3 registers and event streams). Escalations are left to
 * the automatic escalator: the seeds' synthetic escalations fall exactly on its thresholds. */

const paqaChair = { name: 'Chair of the PAQA subgroup', role: 'PAQA chair' };
const executiveChair = { name: 'Chair of the Executive group', role: 'Executive chair' };

const plan = (
  caseId: string,
  recommendationId: string,
  occurredOn: string,
  body: Record<string, unknown>,
): SeedRequest => ({
  path: `/api/cases/${caseId}/recommendations/${recommendationId}/actions`,
  body: { occurredOn, ...body },
});
const onAction = (
  actionId: string,
  path: string,
  occurredOn: string,
  body: Record<string, unknown>,
): SeedRequest => ({
  path: `/api/actions/${actionId}/${path}`,
  body: { occurredOn, ...body },
});
const completed = (actionId: string, occurredOn: string, summary: string) =>
  onAction(actionId, 'completion', occurredOn, {
    completedBy: 'Action lead',
    summary,
    evidence: [{ description: summary, demonstratesImpact: false }],
  });
const signedOff = (
  actionId: string,
  occurredOn: string,
  by: typeof paqaChair,
  impactAssessment = 'OUTPUT_ONLY',
) => onAction(actionId, 'sign-off', occurredOn, { decision: 'ACCEPT', by, impactAssessment });
const progress = (actionId: string, occurredOn: string, rag: string, narrative: string) =>
  onAction(actionId, 'progress', occurredOn, {
    progressId: `${actionId}-${occurredOn}`,
    reportedBy: 'Action lead',
    narrative,
    rag,
    evidence: [],
  });

/** [actionId, recommendation, agency, lead (verbatim), persons, timescale (verbatim), action text]. */
const B1_ACTIONS: [string, string, string, string, string[], string, string][] = [
  [
    'B1-A01',
    'CCG-1',
    'Leicester City CCG',
    'Lead professionals for safeguarding children',
    [],
    '8/04/2015',
    'Through level 3 child safeguarding training',
  ],
  [
    'B1-A02',
    'CCG-2',
    'Leicester City CCG',
    'Lead professionals for safeguarding children',
    [],
    '8/04/2015',
    "Through regular level 3 safeguarding training for GP's and health visitors",
  ],
  [
    'B1-A03',
    'LPT-3',
    'Leicestershire Partnership NHS Trust',
    'Named Nurses Safeguarding Children',
    [],
    '31.03.2015',
    'A reminder to be placed in the Safeguarding Children Briefing',
  ],
  [
    'B1-A04',
    'LPT-3',
    'Leicestershire Partnership NHS Trust',
    'Clinical Team Leaders',
    [],
    '31.05.2015',
    'Clinical Team Leaders to highlight in team meetings',
  ],
  [
    'B1-A05',
    'LPT-2',
    'Leicestershire Partnership NHS Trust',
    'Carolyn Corbett, Professional Lead Safeguarding Children and Named Nurses Safeguarding Children',
    ['Carolyn Corbett'],
    '31.07.2015',
    'Audit of Advice Line calls; agree triage; trial restricted hours; Standard Operating Guidance',
  ],
  [
    'B1-A06',
    'LPT-5',
    'Leicestershire Partnership NHS Trust',
    'Carolyn Corbett, Professional Lead Safeguarding Children, Named Nurses Safeguarding Children and a Locality Manager',
    ['Carolyn Corbett'],
    '31.07.2015',
    'Agree a clear process between Named Nurses, Locality Managers and Clinical Team Leaders',
  ],
  [
    'B1-A07',
    'EYST-iii',
    'Early Years Support Team',
    'Team Leader – Sarah Mounsey reporting to service Manager and HoS',
    ['Sarah Mounsey'],
    'Immediate – completed by July 2015.',
    'Referral forms include family history; yellow forms for safeguarding concerns',
  ],
  [
    'B1-A08',
    'EYST-ii',
    'Early Years Support Team',
    'Team Leader – Sarah Mounsey reporting to service Manager and HoS',
    ['Sarah Mounsey'],
    'September 2015 and ongoing CPD element',
    'Adapt the policy and share it at the CPD day',
  ],
  [
    'B1-A09',
    'CSC-2',
    "Children's Social Care",
    'Workforce development and Service managers CIN teams',
    [],
    'By September 2015',
    'Training on the impact of domestic violence on children',
  ],
  [
    'B1-A10',
    'CSC-4',
    "Children's Social Care",
    'Heads of service',
    [],
    'April 2016',
    'Agree a model and train staff and managers',
  ],
  [
    'B1-A11',
    'CSC-5',
    "Children's Social Care",
    'Lesley Booth, Service Manager',
    ['Lesley Booth'],
    'April 2015',
    'Conference plans state the expectation',
  ],
  [
    'B1-A12',
    'CSC-11',
    "Children's Social Care",
    'Jasmine Nembhard',
    ['Jasmine Nembhard'],
    'April 2015',
    'Remind managers undertaking strategy discussions of the procedures',
  ],
  [
    'B1-A13',
    'LSCB-1',
    'Leicester LSCB',
    'LSCB',
    [],
    'December 2015',
    'A guidance tool and multi-agency training',
  ],
  [
    'B1-A14',
    'LSCB-2',
    'Leicester LSCB',
    'LSCB board manager',
    [],
    'June 2015',
    'Promote the professional disagreements procedures',
  ],
  [
    'B1-A15',
    'UHL-1',
    'University Hospitals of Leicester NHS Trust',
    'Michael Clayton, Head of Safeguarding UHL',
    ['Michael Clayton'],
    'Dependent on release of report',
    'Present the review report at the Trust Safeguarding Assurance Group',
  ],
  [
    'B1-A16',
    'CSC-9',
    "Children's Social Care",
    'Karen Dawson and Jasmine Nembhard',
    ['Karen Dawson', 'Jasmine Nembhard'],
    'Already in place March 2015',
    'Robust referral taking in Duty and Advice',
  ],
];

/**
 * The template's "Outcome Measure" column. Seed 003 leaves both CCG rows blank (domain.md §4.5);
 * the other rows' texts are not in the brief, so these are synthetic (X), typed as §4.5 does.
 */
const B1_OUTCOME_MEASURES: Record<string, [string, string]> = {
  'B1-A03': ['Reminder published in the Safeguarding Children Briefing', 'OUTPUT'],
  'B1-A04': ['Team meeting minutes record the item', 'OUTPUT'],
  'B1-A05': ['Audit of Advice Line calls shows them triaged as agreed', 'PROCESS'],
  'B1-A06': ['Case sample shows the agreed process followed', 'IMPACT_ON_PRACTICE'],
  'B1-A07': ['Referral forms sampled record the family history', 'PROCESS'],
  'B1-A08': ['Supervision records show the policy applied', 'IMPACT_ON_PRACTICE'],
  'B1-A09': [
    'Audit of single assessments shows the impact of domestic violence weighed',
    'IMPACT_ON_PRACTICE',
  ],
  'B1-A10': ['Practice model in use across the service', 'PROCESS'],
  'B1-A11': ['Conference plans sampled state the expectation', 'PROCESS'],
  'B1-A12': ['Strategy discussion records sampled follow the procedures', 'PROCESS'],
  'B1-A13': ['Audit of failure-to-thrive cases shows the tool used', 'IMPACT_ON_PRACTICE'],
  'B1-A14': ['Procedures promoted in the newsletter and briefing', 'OUTPUT'],
  'B1-A15': ['Assurance Group minutes record the report presented', 'OUTPUT'],
  'B1-A16': ['Audit of Duty and Advice referrals shows robust referral taking', 'PROCESS'],
};

const outcomeOf = (actionId: string) => {
  const measure = B1_OUTCOME_MEASURES[actionId];
  return measure ? { outcomeMeasure: measure[0], outcomeMeasureType: measure[1] } : {};
};

const b1Plan = (
  [actionId, rec, agency, lead, persons, timescaleText, actionText]: (typeof B1_ACTIONS)[number],
  occurredOn = '2015-03-02',
) =>
  plan('B1', rec, occurredOn, {
    actionId,
    actionText,
    desiredOutcome: actionText,
    lead: { displayText: lead, persons, agency },
    agency,
    timescaleText,
    ...outcomeOf(actionId),
  });

CHILD_B1.actionPlan = [
  ...B1_ACTIONS.map((row) => b1Plan(row)),
  completed('B1-A16', '2015-03-31', 'Duty and Advice robust referral taking in place'),
  // B1-17: happened 2015-03-27, recorded 2015-04-15 (a late entry).
  { ...completed('B1-A03', '2015-03-27', 'Reminder published in Safeguarding Children Briefing'), knownOn: '2015-04-15' },
  completed('B1-A01', '2015-04-20', 'Level 3 training content updated'),
  progress(
    'B1-A12',
    '2015-04-22',
    'AMBER',
    'Reminders issued to some managers; remainder outstanding',
  ),
  completed('B1-A11', '2015-04-30', 'Expectation written into CP conference plan template'),
  completed('B1-A04', '2015-05-29', 'Highlighted in HV and school nurse team meetings'),
  progress(
    'B1-A05',
    '2015-06-30',
    'AMBER',
    'Advice Line audit complete; restricted-hours trial not yet started',
  ),
  completed('B1-A02', '2015-07-06', 'GP/HV level 3 training updated'),
  completed('B1-A14', '2015-07-10', 'Procedures promoted via LSCB newsletter and briefing'),
  completed('B1-A12', '2015-07-20', 'All strategy-discussion managers reminded'),
  signedOff('B1-A14', '2015-07-22', executiveChair),
  completed('B1-A07', '2015-07-24', 'Referral form and yellow forms in use'),
  completed('B1-A06', '2015-07-31', 'Ledger process agreed'),
  completed('B1-A05', '2015-08-14', 'Supervision pathway and SOG issued'),
  ...[
    'B1-A01',
    'B1-A02',
    'B1-A03',
    'B1-A04',
    'B1-A05',
    'B1-A06',
    'B1-A07',
    'B1-A11',
    'B1-A12',
    'B1-A16',
  ].map((id) => signedOff(id, '2015-09-10', paqaChair)),
  progress('B1-A09', '2015-09-15', 'AMBER', 'DV training sessions rescheduled'),
  onAction('B1-A09', 'due-date', '2015-09-15', {
    dueDate: '2015-12-31',
    reason: 'Training provider capacity; sessions rescheduled to Q3',
    approvedBy: paqaChair,
  }),
  progress('B1-A10', '2015-09-15', 'GREEN', 'Options paper on practice model to Heads of Service'),
  progress('B1-A13', '2015-09-15', 'GREEN', 'Draft failure-to-thrive guidance tool circulated'),
  completed('B1-A08', '2015-09-27', 'Adapted EYST policy shared with team at CPD day 27/09/15'),
  plan('B1', 'OVR-23.1-iii', '2015-10-20', {
    actionId: 'B1-A17',
    actionText: 'Agree a protocol with legal services for their part in Serious Case Reviews',
    desiredOutcome: 'Legal services take part in reviews',
    lead: { displayText: 'LSCB business manager', persons: [], agency: 'Leicester LSCB' },
    agency: 'Leicester LSCB',
    timescaleText: '31 March 2016',
    outcomeMeasure: 'Legal services take part in the next review',
    outcomeMeasureType: 'IMPACT_ON_PRACTICE',
  }),
  signedOff('B1-A08', '2015-11-12', paqaChair),
  completed('B1-A13', '2015-11-30', 'FTT guidance tool published; multi-agency training delivered'),
  signedOff('B1-A13', '2015-12-16', executiveChair),
  completed('B1-A09', '2016-01-12', 'DV impact training delivered to CIN social workers'),
  signedOff('B1-A09', '2016-02-11', paqaChair, 'IMPACT_EVIDENCED'),
  completed('B1-A17', '2016-03-21', 'Protocol agreed with legal services'),
  signedOff('B1-A17', '2016-04-13', executiveChair),
  completed('B1-A10', '2016-05-20', 'Practice model agreed; training programme started'),
  signedOff('B1-A10', '2016-06-09', paqaChair, 'NOT_YET_MEASURABLE'),
  onAction('B1-A15', 'due-date', '2016-06-13', {
    dueDate: '2016-09-30',
    reason: 'Report released on publication; next Trust Safeguarding Assurance Group',
    approvedBy: paqaChair,
  }),
  completed(
    'B1-A15',
    '2016-09-21',
    'Report presented at Trust Safeguarding Assurance Group (minutes)',
  ),
  signedOff('B1-A15', '2016-10-13', paqaChair),
];

const skPlan = (
  n: number,
  lead: string,
  timescaleText: string,
  extra: Record<string, unknown> = {},
) =>
  plan('SK', `SK-REC-${n}`, '2020-09-01', {
    actionId: `SK-A${n}`,
    actionText: SK_RECOMMENDATIONS[n - 1],
    desiredOutcome: SK_RECOMMENDATIONS[n - 1],
    lead: { displayText: lead, persons: [], agency: 'Thurrock LSCP' },
    agency: 'Thurrock LSCP',
    timescaleText,
    ...extra,
  });

const lscpExecutive = { name: 'LSCP Executive chair', role: 'Executive chair' };

SAM_AND_KYLE.actionPlan = [
  // "Within the next six months" of publication (2020-07-30): derived, 2021-01-30 (§0.3 item 4).
  skPlan(1, 'LSCP Business Manager', 'within the next six months', {
    dueDate: '2021-01-30',
    dueDatePrecision: 'DERIVED',
  }),
  skPlan(2, 'Chair, Learning & Development subgroup', '31 March 2021'),
  skPlan(3, 'Chair, Policy & Procedures subgroup', '30 June 2021'),
  skPlan(4, 'Chair, Quality Assurance subgroup', '30 April 2021'),
  skPlan(5, 'Assistant Director CSC & Early Help', '31 December 2021'),
  completed('SK-A1', '2021-03-03', 'Revised escalation procedure approved'),
  completed('SK-A2', '2021-03-25', 'Four workshops delivered'),
  completed('SK-A4', '2021-05-14', 'Audit report to QA subgroup'),
  progress('SK-A5', '2021-06-10', 'GREEN', 'GCP2 training cohort 1 complete'),
  onAction('SK-A3', 'due-date', '2021-06-10', {
    dueDate: '2021-09-30',
    reason: 'Covid-19 restrictions delayed multi-agency consultation',
    approvedBy: { name: 'LSCP Executive', role: 'Executive' },
  }),
  ...['SK-A1', 'SK-A2', 'SK-A4'].map((id) => signedOff(id, '2021-06-17', lscpExecutive)),
  completed('SK-A3', '2021-09-28', 'Revised procedure published'),
  signedOff('SK-A3', '2021-10-14', lscpExecutive),
];

/** [actionId, recommendations, agency, lead (verbatim), timescale (verbatim), action text]: domain.md §7.2 register. */
const R_ACTIONS: [string, string[], string, string, string, string][] = [
  [
    'R-A1',
    ['R-REC-01', 'R-REC-02'],
    'Partnership (Early Help)',
    'Corporate Director for Children’s Services (delegate)',
    '30 September 2022',
    'Strengthen Early Help: leadership, Early Help Networks, revised Threshold of Needs, training',
  ],
  [
    'R-A2',
    ['R-REC-03'],
    'Partnership (Neglect)',
    'Health and children’s social care leads',
    '30 June 2022',
    'Tackle neglect across the partnership',
  ],
  [
    'R-A3',
    ['R-REC-04'],
    "Children's Social Care",
    'Deputy Director Children’s Services',
    '31 March 2022',
    'A senior multi-agency panel oversees needs where a court order is not granted',
  ],
  [
    'R-A4',
    ['R-REC-05', 'R-REC-06', 'R-REC-07'],
    'Partnership (Placements)',
    'Head of commissioning / brokerage',
    '31 March 2022',
    'Placement monitoring and review: a protocol, trained staff and a register of placement providers',
  ],
  [
    'R-A5',
    ['R-REC-08'],
    'Partnership (Sufficiency)',
    'OSCB Independent Chair / DCS',
    '31 March 2023',
    'Address placement insufficiency: sufficiency strategy and national escalation',
  ],
  [
    'R-A6',
    ['R-REC-09', 'R-REC-10'],
    'Health (ICB/CAMHS)',
    'Designated Nurse / CAMHS lead',
    '31 December 2022',
    'Health care of children with the most complex needs: clinical supervision and CAMHS escalation',
  ],
];

CHILD_R.actionPlan = [
  ...R_ACTIONS.map(([actionId, [first, ...others], agency, lead, timescaleText, actionText]) =>
    plan('R', first, '2021-12-09', {
      actionId,
      alsoAddresses: others,
      actionText,
      desiredOutcome: actionText,
      lead: { displayText: lead, persons: [], agency },
      agency,
      timescaleText,
      // The register puts the one single-agency action under PAQA, not the Executive (§7.2).
      ...(actionId === 'R-A3' && {
        monitoringBody: 'PAQA',
        monitoringBodyReason: "A single-agency action for Children's Social Care",
      }),
    }),
  ),
  progress(
    'R-A1',
    '2022-02-07',
    'GREEN',
    'Senior leadership strengthened; Early Help Networks; revised Threshold of Needs; training increased assessments',
  ),
  progress(
    'R-A2',
    '2022-02-07',
    'GREEN',
    'Peer Review 2018 strengths; OSCB Challenge Event Sept 2021 progress',
  ),
  completed(
    'R-A3',
    '2022-02-07',
    'System in place: a senior multi-agency panel oversees needs where an order is not granted',
  ),
  completed(
    'R-A4',
    '2022-02-07',
    'Placement monitoring protocol and staff trained; register of all placement providers completed',
  ),
  progress(
    'R-A5',
    '2022-02-07',
    'AMBER',
    'Independent Chair letter to DfE, National Panel and Chair of the Care Review; sufficiency strategy action plan underway',
  ),
  progress(
    'R-A6',
    '2022-02-07',
    'GREEN',
    'Clinical supervision to social workers; robust CAMHS escalation',
  ),
];

const raiseOverdue = (escalationId: string, actionId: string, occurredOn: string, days: number): SeedRequest =>
  onAction(actionId, 'escalations', occurredOn, {
    escalationId,
    reason: 'OVERDUE',
    detail: `${days} days overdue`,
    level: 1,
    raisedBy: { name: 'Business unit', role: 'LSCB business unit' },
  });
const escalationStep = (escalationId: string, path: string, occurredOn: string, body: Record<string, unknown>): SeedRequest => ({
  path: `/api/escalations/${escalationId}/${path}`,
  body: { occurredOn, ...body },
});
const resolvedOnCompletion = (escalationId: string, occurredOn: string) =>
  escalationStep(escalationId, 'resolution', occurredOn, {
    outcome: 'ACTION_COMPLETED',
    note: 'Resolved: action completed',
    by: { name: 'Business unit', role: 'LSCB business unit' },
  });

CHILD_B1.escalations = [
  raiseOverdue('B1-E-A02', 'B1-A02', '2015-05-06', 28),
  raiseOverdue('B1-E-A12', 'B1-A12', '2015-05-28', 28),
  escalationStep('B1-E-A02', 'referral-up', '2015-06-03', { reason: '56 days overdue' }),
  escalationStep('B1-E-A12', 'referral-up', '2015-06-25', { reason: '56 days overdue' }),
  resolvedOnCompletion('B1-E-A02', '2015-07-06'),
  resolvedOnCompletion('B1-E-A12', '2015-07-20'),
];

SAM_AND_KYLE.escalations = [
  raiseOverdue('SK-E-A1', 'SK-A1', '2021-02-27', 28),
  resolvedOnCompletion('SK-E-A1', '2021-03-03'),
];

export const SEED_CASES: SeedCase[] = [CHILD_B1, CHILD_R, SAM_AND_KYLE, ...OX_CASES, CHILD_T];
