import type { BusinessDate } from '../../calendar';
import type {
  ActionCommand,
  ActionCommandOf,
  ActionCommandType,
  RecommendationFact,
} from '../action.commands';
import { createActionDecider } from '../action.decide';
import type {
  ActionEvent,
  Approver,
  ImpactAssessment,
  Lead,
  MonitoringBody,
} from '../action.events';
import type { ActionState } from '../action.state';

/**
 * The action streams of Child B1 (domain.md §7.1) and Sam & Kyle (§7.3), as the commands a user
 * would have sent, one step per seed row (a ×n row is one step per action). Timescales are given
 * as the verbatim text only, so the decider's normalisation is what the specs check against the
 * registers. Shared by the decider and derived-status specs.
 */

export interface SeedStep {
  row: string;
  actionId: string;
  command: ActionCommand;
}

export const PAQA_CHAIR: Approver = { name: 'Chair, PAQA subgroup', role: 'PAQA chair' };
export const EXECUTIVE_CHAIR: Approver = {
  name: 'Chair, Executive group',
  role: 'Executive chair',
};
export const LSCP_EXECUTIVE: Approver = {
  name: 'Chair, Thurrock LSCP Executive',
  role: 'Executive chair',
};

/** A command entered live: `today` is the day it happened unless it was recorded later. */
export function command<T extends ActionCommandType>(
  type: T,
  data: ActionCommandOf<T>['data'],
  today: BusinessDate = data.occurredOn,
): ActionCommandOf<T> {
  return { type, today, data } as ActionCommandOf<T>;
}

/** The same command with some data changed; `today` moves with a later date unless given. */
export function amend<T extends ActionCommandType>(
  original: ActionCommandOf<T>,
  change: Partial<ActionCommandOf<T>['data']>,
  today?: BusinessDate,
): ActionCommandOf<T> {
  const data = { ...original.data, ...change } as unknown as ActionCommandOf<T>['data'];
  const latest = data.occurredOn > original.today ? data.occurredOn : original.today;
  return { ...original, data, today: today ?? latest } as ActionCommandOf<T>;
}

const lead = (displayText: string, agency: string, persons: string[] = []): Lead => ({
  displayText,
  persons,
  agency,
});

// ——— Child B1 (Leicester SCB; §7.1) ———

const CCG = 'Leicester City CCG';
const LPT = 'Leicestershire Partnership NHS Trust';
const EYST = 'Early Years Support Team';
const CSC = 'Children’s Social Care';
const LSCB = 'Leicester LSCB';
const UHL = 'University Hospitals of Leicester NHS Trust';
const SARAH_MOUNSEY = 'Team Leader – Sarah Mounsey reporting to service Manager and HoS';

/** [action, recommendation, number, lead, timescale verbatim, action text, desired outcome] */
type RegisterRow = [string, string, string, Lead, string, string, string];

/** The register of §7.1 (texts abridged from the template rows). */
export function b1Register(): RegisterRow[] {
  const ccgLead = lead('Lead professionals for safeguarding children', CCG);
  return [
    [
      'B1-A01',
      'CCG-1',
      'CCG 1',
      ccgLead,
      '8/04/2015',
      'Through level 3 child safeguarding training',
      'Early assessment of failure to thrive',
    ],
    [
      'B1-A02',
      'CCG-2',
      'CCG 2',
      ccgLead,
      '8/04/2015',
      'Through regular level 3 safeguarding training for GP’s an health visitors',
      'Early social services involvement with the child/ren and family',
    ],
    [
      'B1-A03',
      'LPT-3',
      'LPT 3',
      lead('Named Nurses Safeguarding Children', LPT),
      '31.03.2015',
      'A reminder to be placed in the Safeguarding Children Briefing sent out electronically across LPT.',
      'Practitioners are compliant with Record Keeping and the Management of the Quality of Health Records Policy.',
    ],
    [
      'B1-A04',
      'LPT-3',
      'LPT 3',
      lead('Clinical Team Leaders', LPT),
      '31.05.2015',
      'Clinical Team Leaders for health visiting and school nurse teams to highlight in team meetings.',
      'Practitioners are compliant with Record Keeping and the Management of the Quality of Health Records Policy.',
    ],
    [
      'B1-A05',
      'LPT-2',
      'LPT 2',
      lead(
        'Carolyn Corbett, Professional Lead Safeguarding Children and Named Nurses Safeguarding Children',
        LPT,
        ['Carolyn Corbett'],
      ),
      '31.07.2015',
      'Audit of Advice Line calls. Agree triage requirements. Trial period of restricted access hours …',
      'Less dependence on the Safeguarding Children Advice Line for decision making.',
    ],
    [
      'B1-A06',
      'LPT-5',
      'LPT 5',
      lead(
        'Carolyn Corbett, Professional Lead Safeguarding Children, Named Nurses Safeguarding Children and a Locality Manager',
        LPT,
        ['Carolyn Corbett'],
      ),
      '31.07.2015',
      'To agree a clear process between the Named Nurses Safeguarding Children and Locality Managers and Clinical Team Leaders.',
      'When practitioners are absent from work, colleagues will be able to identify what work needs covering …',
    ],
    [
      'B1-A07',
      'EYST-iii',
      'EYST iii',
      lead(SARAH_MOUNSEY, EYST, ['Sarah Mounsey']),
      'Immediate – completed by July 2015.',
      'All EYST referrals now include space for the referrer to provide family history …',
      'Referrals to have a family history …',
    ],
    [
      'B1-A08',
      'EYST-ii',
      'EYST ii',
      lead(SARAH_MOUNSEY, EYST, ['Sarah Mounsey']),
      'September 2015 and ongoing CPD element',
      'SEND Support Service has adapted the policy … shared with the team at our CPD day on 27/09/15 …',
      'A reviewed safeguarding policy which is updated, shared and understood by all staff.',
    ],
    [
      'B1-A09',
      'CSC-2',
      'CSC 2',
      lead('Workforce development and Service managers CIN teams', CSC),
      'By September 2015',
      'Social Workers will be provided with training in relation to the impact of domestic violence on children.',
      'That a child’s parents who suffer domestic violence receive appropriate support to help safeguard their children.',
    ],
    [
      'B1-A10',
      'CSC-4',
      'CSC 4',
      lead('Heads of service', CSC),
      'April 2016',
      'A model will be agreed and staff and managers trained to enable implementation.',
      'That all services within the organisation can work to an agreed model of practice …',
    ],
    [
      'B1-A11',
      'CSC-5',
      'CSC 5',
      lead('Lesley Booth, Service Manager', CSC, ['Lesley Booth']),
      'April 2015',
      'The safeguarding unit will be clear in child protection conference plans that this is the expectation.',
      'That Child Protection plans that are not ‘working’ will be reviewed.',
    ],
    [
      'B1-A12',
      'CSC-11',
      'CSC 11',
      lead('Jasmine Nembhard', CSC, ['Jasmine Nembhard']),
      'April 2015',
      'All managers undertaking strategy discussions will be reminded of the procedures …',
      'That health information will be a part of the planning at an early stage …',
    ],
    [
      'B1-A13',
      'LSCB-1',
      'LSCB 1',
      lead('LSCB', LSCB),
      'December 2015',
      'A guidance tool and training will be provided for multi-agency groups of professionals',
      'Social workers and managers will be able to recognise, assess and respond appropriately to children who are failing to thrive',
    ],
    [
      'B1-A14',
      'LSCB-2',
      'LSCB 2',
      lead('LSCB board manager', LSCB),
      'June 2015',
      'LSCB will promote the procedures and their role in resolving professional disagreements',
      'That any disagreement about the safety of the child that cannot be resolved is dealt with timely and independently.',
    ],
    [
      'B1-A15',
      'UHL-1',
      'UHL 1',
      lead('Michael Clayton, Head of Safeguarding UHL', UHL, ['Michael Clayton']),
      'Dependent on release of report',
      'Presentation of Review report at Trust Safeguarding Assurance Group',
      'Practitioners continue to learn lessons from Serious Case Reviews',
    ],
    [
      'B1-A16',
      'CSC-9',
      'CSC 9',
      lead('Karen Dawson and Jasmine Nembhard', CSC, ['Karen Dawson', 'Jasmine Nembhard']),
      'Already in place March 2015',
      'That all staff working in the duty and advice service consistently provide robust referral taking.',
      'That referrals for children are dealt with by the right service at the right time',
    ],
    [
      'B1-A17',
      'OVR-23.1-iii',
      '23.1(iii)',
      lead('LSCB business manager', LSCB),
      '31 March 2016',
      'Agree a clear protocol with legal services about how they take part in Serious Case Reviews',
      'Legal services take part in Serious Case Reviews',
    ],
  ];
}

const B1_AGENCY_RECOMMENDATIONS = [
  'CCG-1',
  'CCG-2',
  'LPT-2',
  'LPT-3',
  'LPT-5',
  'EYST-ii',
  'EYST-iii',
  'CSC-2',
  'CSC-4',
  'CSC-5',
  'CSC-9',
  'CSC-11',
  'LSCB-1',
  'LSCB-2',
  'UHL-1',
];
const B1_OVERVIEW_RECOMMENDATIONS = [
  'OVR-23.1-i',
  'OVR-23.1-ii',
  'OVR-23.1-iii',
  'OVR-23.2-i',
  'OVR-23.2-ii',
  'OVR-23.2-iii',
  'OVR-23.2-iv',
  'OVR-23.2-v',
];

/** B1's recommendations as the case read model shows them on a date (B1-14, B1-44). */
export function b1Recommendations(on: BusinessDate): RecommendationFact[] {
  const agency = B1_AGENCY_RECOMMENDATIONS.map((recommendationId) => ({
    recommendationId,
    // The LSCB's own recommendations are partnership-wide; the agencies' are their own (§4.5).
    scope: recommendationId.startsWith('LSCB')
      ? ('MULTI_AGENCY' as const)
      : ('SINGLE_AGENCY' as const),
    closedWithoutAction: false,
  }));
  const overview = B1_OVERVIEW_RECOMMENDATIONS.map((recommendationId) => ({
    recommendationId,
    scope: 'MULTI_AGENCY' as const,
    closedWithoutAction: false,
  }));
  return on >= '2015-09-30' ? [...agency, ...overview] : agency;
}

export function b1Plan(actionId: string): ActionCommandOf<'PlanAction'> {
  const row = b1Register().find(([id]) => id === actionId);
  if (!row) throw new Error(`No B1 action ${actionId}`);
  const [, recommendationId, number, actionLead, timescaleText, actionText, desiredOutcome] = row;
  const plannedOn = actionId === 'B1-A17' ? '2015-10-20' : '2015-03-02';
  return command('PlanAction', {
    occurredOn: plannedOn,
    actionId,
    caseId: 'B1',
    recommendationIds: [recommendationId],
    number,
    actionText,
    desiredOutcome,
    lead: actionLead,
    agency: actionLead.agency,
    timescaleText,
    context: { caseClosed: false, recommendations: b1Recommendations(plannedOn) },
  });
}

export function completion(
  occurredOn: BusinessDate,
  completedBy: string,
  summary: string,
  today: BusinessDate = occurredOn,
): ActionCommandOf<'CompleteAction'> {
  return command(
    'CompleteAction',
    {
      occurredOn,
      completedBy,
      summary,
      evidence: [{ description: summary, demonstratesImpact: false }],
    },
    today,
  );
}

export function signOff(
  occurredOn: BusinessDate,
  body: MonitoringBody,
  impactAssessment: ImpactAssessment = 'OUTPUT_ONLY',
  chair: Approver = body === 'PAQA' ? PAQA_CHAIR : EXECUTIVE_CHAIR,
): ActionCommandOf<'SignOffCompletion'> {
  return command('SignOffCompletion', { occurredOn, body, chair, impactAssessment });
}

export function progress(
  occurredOn: BusinessDate,
  progressId: string,
  reportedBy: string,
  rag: 'GREEN' | 'AMBER' | 'RED',
  narrative: string,
): ActionCommandOf<'RecordProgress'> {
  return command('RecordProgress', {
    occurredOn,
    progressId,
    reportedBy,
    narrative,
    rag,
    evidence: [],
  });
}

export function b1A09DueDateChange(): ActionCommandOf<'ChangeDueDate'> {
  return command('ChangeDueDate', {
    occurredOn: '2015-09-15',
    toDate: '2015-12-31',
    reason: 'Training provider capacity; sessions rescheduled to Q3',
    approvedBy: PAQA_CHAIR,
  });
}

export function b1A15DueDateSet(): ActionCommandOf<'SetDueDate'> {
  return command('SetDueDate', {
    occurredOn: '2016-06-13',
    dueDate: '2016-09-30',
    reason: 'Report released on publication; next Trust Safeguarding Assurance Group',
    approvedBy: PAQA_CHAIR,
  });
}

const B1_FIRST_SIGN_OFFS = [
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
];

/** §7.1's event stream, the rows about actions, in append order. */
export function b1Steps(): SeedStep[] {
  const step = (row: string, actionId: string, c: ActionCommand): SeedStep => ({
    row,
    actionId,
    command: c,
  });
  return [
    ...b1Register()
      .filter(([id]) => id !== 'B1-A17')
      .map(([id]) => step('B1-15', id, b1Plan(id))),
    step(
      'B1-16',
      'B1-A16',
      completion('2015-03-31', 'Karen Dawson', 'Duty and Advice robust referral taking in place'),
    ),
    // Happened 2015-03-27, entered 2015-04-15.
    step(
      'B1-17',
      'B1-A03',
      completion(
        '2015-03-27',
        'Named Nurse',
        'Reminder published in Safeguarding Children Briefing',
        '2015-04-15',
      ),
    ),
    step(
      'B1-18',
      'B1-A01',
      completion('2015-04-20', 'Named GP', 'Level 3 training content updated'),
    ),
    step(
      'B1-19',
      'B1-A12',
      progress(
        '2015-04-22',
        'P-B1-A12-1',
        'Jasmine Nembhard',
        'AMBER',
        'Reminders issued to some managers; remainder outstanding',
      ),
    ),
    step(
      'B1-20',
      'B1-A11',
      completion(
        '2015-04-30',
        'Lesley Booth',
        'Expectation written into CP conference plan template',
      ),
    ),
    step(
      'B1-24',
      'B1-A04',
      completion(
        '2015-05-29',
        'Clinical Team Leader',
        'Highlighted in HV and school nurse team meetings',
      ),
    ),
    step(
      'B1-27',
      'B1-A05',
      progress(
        '2015-06-30',
        'P-B1-A05-1',
        'Carolyn Corbett',
        'AMBER',
        'Advice Line audit complete; restricted-hours trial not yet started',
      ),
    ),
    step('B1-28', 'B1-A02', completion('2015-07-06', 'Named GP', 'GP/HV level 3 training updated')),
    step(
      'B1-30',
      'B1-A14',
      completion(
        '2015-07-10',
        'LSCB board manager',
        'Procedures promoted via LSCB newsletter and briefing',
      ),
    ),
    step(
      'B1-31',
      'B1-A12',
      completion('2015-07-20', 'Jasmine Nembhard', 'All strategy-discussion managers reminded'),
    ),
    step('B1-33', 'B1-A14', signOff('2015-07-22', 'EXECUTIVE')),
    step(
      'B1-34',
      'B1-A07',
      completion('2015-07-24', 'Sarah Mounsey', 'Referral form and yellow forms in use'),
    ),
    step('B1-35', 'B1-A06', completion('2015-07-31', 'Carolyn Corbett', 'Ledger process agreed')),
    step(
      'B1-36',
      'B1-A05',
      completion('2015-08-14', 'Carolyn Corbett', 'Supervision pathway and SOG issued'),
    ),
    ...B1_FIRST_SIGN_OFFS.map((id) => step('B1-37', id, signOff('2015-09-10', 'PAQA'))),
    step(
      'B1-38',
      'B1-A09',
      progress(
        '2015-09-15',
        'P-B1-A09-1',
        'Service manager, CIN',
        'AMBER',
        'DV training sessions rescheduled',
      ),
    ),
    step('B1-39', 'B1-A09', b1A09DueDateChange()),
    step(
      'B1-40',
      'B1-A10',
      progress(
        '2015-09-15',
        'P-B1-A10-1',
        'Head of service',
        'GREEN',
        'Options paper on practice model to Heads of Service',
      ),
    ),
    step(
      'B1-41',
      'B1-A13',
      progress(
        '2015-09-15',
        'P-B1-A13-1',
        'LSCB business manager',
        'GREEN',
        'Draft failure-to-thrive guidance tool circulated',
      ),
    ),
    step(
      'B1-42',
      'B1-A08',
      completion(
        '2015-09-27',
        'Sarah Mounsey',
        'Adapted EYST policy shared with team at CPD day 27/09/15',
      ),
    ),
    step('B1-45', 'B1-A17', b1Plan('B1-A17')),
    step('B1-47', 'B1-A08', signOff('2015-11-12', 'PAQA')),
    step(
      'B1-48',
      'B1-A13',
      completion(
        '2015-11-30',
        'LSCB business manager',
        'FTT guidance tool published; multi-agency training delivered',
      ),
    ),
    step('B1-49', 'B1-A13', signOff('2015-12-16', 'EXECUTIVE')),
    step(
      'B1-50',
      'B1-A09',
      completion(
        '2016-01-12',
        'Workforce development',
        'DV impact training delivered to CIN social workers',
      ),
    ),
    step('B1-51', 'B1-A09', signOff('2016-02-11', 'PAQA', 'IMPACT_EVIDENCED')),
    step(
      'B1-52',
      'B1-A17',
      completion('2016-03-21', 'LSCB business manager', 'Protocol agreed with legal services'),
    ),
    step('B1-53', 'B1-A17', signOff('2016-04-13', 'EXECUTIVE')),
    step(
      'B1-54',
      'B1-A10',
      completion(
        '2016-05-20',
        'Head of service',
        'Practice model agreed; training programme started',
      ),
    ),
    step('B1-55', 'B1-A10', signOff('2016-06-09', 'PAQA', 'NOT_YET_MEASURABLE')),
    step('B1-57', 'B1-A15', b1A15DueDateSet()),
    step(
      'B1-58',
      'B1-A15',
      completion(
        '2016-09-21',
        'Michael Clayton',
        'Report presented at Trust Safeguarding Assurance Group (minutes)',
      ),
    ),
    step('B1-59', 'B1-A15', signOff('2016-10-13', 'PAQA')),
  ];
}

// ——— Sam & Kyle (Thurrock; §7.3) ———

const THURROCK = 'Thurrock LSCP';

/** [action, recommendation, lead, timescale verbatim] */
export function skRegister(): [string, string, string, string][] {
  return [
    ['SK-A1', 'SK-REC-1', 'LSCP Business Manager', 'within the next six months'],
    ['SK-A2', 'SK-REC-2', 'Chair, Learning & Development subgroup', '31 March 2021'],
    ['SK-A3', 'SK-REC-3', 'Chair, Policy & Procedures subgroup', '30 June 2021'],
    ['SK-A4', 'SK-REC-4', 'Chair, Quality Assurance subgroup', '30 April 2021'],
    ['SK-A5', 'SK-REC-5', 'Assistant Director CSC & Early Help', '31 December 2021'],
  ];
}

export function skPlan(actionId: string): ActionCommandOf<'PlanAction'> {
  const row = skRegister().find(([id]) => id === actionId);
  if (!row) throw new Error(`No SK action ${actionId}`);
  const [, recommendationId, leadText, timescaleText] = row;
  return command('PlanAction', {
    occurredOn: '2020-09-01',
    actionId,
    caseId: 'SK',
    recommendationIds: [recommendationId],
    number: recommendationId.slice(-1),
    actionText: `Respond to recommendation ${recommendationId.slice(-1)}`,
    desiredOutcome: 'The partnership has acted on the review’s learning',
    lead: lead(leadText, THURROCK),
    agency: THURROCK,
    timescaleText,
    context: {
      caseClosed: false,
      recommendations: skRegister().map(([, id]) => ({
        recommendationId: id,
        scope: 'MULTI_AGENCY',
        closedWithoutAction: false,
      })),
      anchorOn: '2020-07-30', // published by the LSCP (SK-12)
    },
  });
}

export function skSteps(): SeedStep[] {
  const step = (row: string, actionId: string, c: ActionCommand): SeedStep => ({
    row,
    actionId,
    command: c,
  });
  return [
    ...skRegister().map(([id]) => step('SK-14', id, skPlan(id))),
    step(
      'SK-17',
      'SK-A1',
      completion('2021-03-03', 'LSCP Business Manager', 'Revised escalation procedure approved'),
    ),
    step(
      'SK-19',
      'SK-A2',
      completion(
        '2021-03-25',
        'Chair, Learning & Development subgroup',
        'Four workshops delivered',
      ),
    ),
    step(
      'SK-20',
      'SK-A4',
      completion('2021-05-14', 'Chair, Quality Assurance subgroup', 'Audit report to QA subgroup'),
    ),
    step(
      'SK-21',
      'SK-A5',
      progress(
        '2021-06-10',
        'P-SK-A5-1',
        'Assistant Director CSC & Early Help',
        'GREEN',
        'GCP2 training cohort 1 complete',
      ),
    ),
    step(
      'SK-22',
      'SK-A3',
      command('ChangeDueDate', {
        occurredOn: '2021-06-10',
        toDate: '2021-09-30',
        reason: 'Covid-19 restrictions delayed multi-agency consultation',
        approvedBy: LSCP_EXECUTIVE,
      }),
    ),
    ...['SK-A1', 'SK-A2', 'SK-A4'].map((id) =>
      step('SK-23', id, signOff('2021-06-17', 'EXECUTIVE', 'OUTPUT_ONLY', LSCP_EXECUTIVE)),
    ),
    step(
      'SK-24',
      'SK-A3',
      completion(
        '2021-09-28',
        'Chair, Policy & Procedures subgroup',
        'Revised procedure published',
      ),
    ),
    step('SK-25', 'SK-A3', signOff('2021-10-14', 'EXECUTIVE', 'OUTPUT_ONLY', LSCP_EXECUTIVE)),
  ];
}

// ——— Replay ———

const decider = createActionDecider();

/** The steps about one action, up to and including the last step of row `through`. */
export function stepsOf(steps: SeedStep[], actionId: string, through?: string): SeedStep[] {
  const last = through ? steps.map((s) => s.row).lastIndexOf(through) : steps.length - 1;
  if (last < 0) throw new Error(`No row ${through}`);
  return steps.slice(0, last + 1).filter((s) => s.actionId === actionId);
}

/**
 * Decides each step's command on the state the decider's own earlier events built, so the
 * histories below are what the system would have stored.
 */
export function replay(
  steps: SeedStep[],
): Map<string, { state: ActionState; events: ActionEvent[] }> {
  const streams = new Map<string, { state: ActionState; events: ActionEvent[] }>();
  for (const { actionId, command: c } of steps) {
    const stream = streams.get(actionId) ?? { state: decider.initialState(), events: [] };
    const decided = decider.decide(c, stream.state);
    streams.set(actionId, {
      state: decided.reduce(decider.evolve, stream.state),
      events: [...stream.events, ...decided],
    });
  }
  return streams;
}

/** The stored events of one action through row `through` (all of them if not given). */
export function historyOf(steps: SeedStep[], actionId: string, through?: string): ActionEvent[] {
  return replay(stepsOf(steps, actionId, through)).get(actionId)?.events ?? [];
}
