import { type ActionState, type DerivedRag, rollUpRag, statusOfState } from '@casetrail/domain';

/**
 * What one case adds to the progress report's totals (domain.md §6.4) on any date after its
 * last fact, as counts that add up across cases. Pure.
 *
 * Once every fact has happened, an action's status changes on one day only: an open action
 * with a due date becomes OVERDUE the day after it. So each action is counted under its status
 * without that rule (its *standing*) and, while open, its due date; the reader turns those due
 * before the date asked about into OVERDUE (§6.0 step 4). A recommendation's and a review's RAG
 * likewise keep their roll-up without the rule and the earliest due date of their open actions:
 * any of those passed makes them RED.
 */

/** The groups the report counts by: every action, per agency, monitoring body and theme. */
export type CellGroup = 'all' | 'agency' | 'body' | 'theme' | 'recommendations' | 'reviews';

/**
 * A count in one group. For action groups `kind` is `status|subStatus|impact|rag` of the standing,
 * or UNPLANNED (a recommendation with no planned action), RECOMMENDATIONS or REVIEWS (a theme's
 * own counts). For recommendations it is `scope|status|rag`, for reviews the RAG. `due` is the
 * earliest open due date ('' for none), `lead` an open action's lead in an agency group.
 */
export interface Cell {
  group: CellGroup;
  name: string;
  kind: string;
  lead: string;
  due: string;
  n: number;
}

/** What tells one cell from another: all but its count. */
export const cellKey = (c: Omit<Cell, 'n'>) =>
  JSON.stringify([c.group, c.name, c.kind, c.lead, c.due]);

/** An open action with a due date, for the most overdue of each group. */
export interface OpenAction {
  group: CellGroup;
  name: string;
  due: string;
  actionId: string;
  caseId: string;
}

export interface CaseContribution {
  cells: Cell[];
  open: OpenAction[];
  /** The case's place among the reviews, or null with nothing to report. */
  review: { rag: DerivedRag | null; due: string } | null;
  /** Each theme of the case's recommendations, with where it is first met within the case. */
  themes: { theme: string; order: number }[];
}

export interface PortfolioAction {
  actionId: string;
  /** Every fact folded, in stream order. */
  state: ActionState;
  /** Of the last sign-off. */
  impact: string | null;
}

export interface PortfolioRecommendation {
  recommendationId: string;
  scope: string;
  addressedTo: string;
  themes: string[];
  closed: boolean;
}

/** Recommendations with no theme are counted under this one (as the report lists them). */
export const NOT_THEMED = 'NOT_THEMED';

/** The statuses an open, dated action can stand at, each of which turns OVERDUE after its date. */
export const DATED_OPEN = new Set(['ON_TRACK', 'AT_RISK', 'OFF_TRACK']);

/** Earlier than any business date: the status without the overdue rule. */
const BEFORE_ANY_DATE = '0000-01-01';

interface Standing {
  actionId: string;
  caseId: string;
  agency: string;
  body: string;
  lead: string;
  recommendationIds: string[];
  status: string;
  rag: DerivedRag | null;
  kind: string;
  /** The due date an open action turns OVERDUE after; '' for any other. */
  due: string;
}

/**
 * @param recommendations the case's recommendations in the order they were added.
 * @param actions the case's actions, each planned.
 */
export function caseContribution(
  recommendations: readonly PortfolioRecommendation[],
  actions: readonly PortfolioAction[],
): CaseContribution {
  const cells = new Map<string, Cell>();
  const open: OpenAction[] = [];
  const add = (group: CellGroup, name: string, kind: string, due = '', lead = '') => {
    const key = cellKey({ group, name, kind, lead, due });
    const cell = cells.get(key);
    if (cell) cell.n++;
    else cells.set(key, { group, name, kind, lead, due, n: 1 });
  };
  const standings = actions.flatMap(standingOf);
  const counted = standings.filter((s) => s.rag !== null);

  const countAction = (s: Standing, group: CellGroup, name: string, lead = '') => {
    add(group, name, s.kind, s.due, s.due ? lead : '');
    if (s.due) open.push({ group, name, due: s.due, actionId: s.actionId, caseId: s.caseId });
  };
  for (const s of standings) {
    countAction(s, 'all', '');
    countAction(s, 'agency', s.agency, s.lead);
    countAction(s, 'body', s.body);
  }

  const themes = new Map<string, { order: number; actions: Set<Standing> }>();
  const caseRags: Rated[] = [...standings];
  recommendations.forEach((r, i) => {
    const answering = counted.filter((s) => s.recommendationIds.includes(r.recommendationId));
    const status =
      answering.length > 0 ? 'PLANNED' : r.closed ? 'CLOSED_WITHOUT_ACTION' : 'UNPLANNED';
    const unplanned = status === 'UNPLANNED';
    const { rag, due } = rollUp(unplanned ? [UNPLANNED_RED] : answering);
    add('recommendations', '', `${r.scope}|${status}|${rag ?? ''}`, due);
    if (unplanned) {
      add('agency', r.addressedTo, 'UNPLANNED');
      caseRags.push(UNPLANNED_RED);
    }
    (r.themes.length > 0 ? r.themes : [NOT_THEMED]).forEach((theme, j) => {
      let inTheme = themes.get(theme);
      if (!inTheme) themes.set(theme, (inTheme = { order: i * 1000 + j, actions: new Set() }));
      add('theme', theme, 'RECOMMENDATIONS');
      if (unplanned) add('theme', theme, 'UNPLANNED');
      answering.forEach((s) => inTheme.actions.add(s));
    });
  });
  for (const [theme, { actions: answering }] of themes) {
    add('theme', theme, 'REVIEWS');
    answering.forEach((s) => countAction(s, 'theme', theme));
  }

  const review = standings.length > 0 || recommendations.length > 0 ? rollUp(caseRags) : null;
  if (review) add('reviews', '', review.rag ?? '', review.due);
  return {
    cells: [...cells.values()],
    open,
    review,
    themes: [...themes].map(([theme, { order }]) => ({ theme, order })),
  };
}

interface Rated {
  rag: DerivedRag | null;
  due?: string;
}

const UNPLANNED_RED: Rated = { rag: 'RED' };

/** §6.0's roll-up without the overdue rule, and the earliest due date that would turn it RED. */
function rollUp(parts: readonly Rated[]): { rag: DerivedRag | null; due: string } {
  const dues = parts.flatMap((p) => (p.due ? [p.due] : []));
  return { rag: rollUpRag(parts), due: dues.length > 0 ? dues.reduce(earlier) : '' };
}

const earlier = (a: string, b: string) => (b < a ? b : a);

function standingOf({ actionId, state, impact }: PortfolioAction): Standing[] {
  if (state.status === 'NOT_PLANNED') return [];
  const standing = statusOfState(state, BEFORE_ANY_DATE);
  const signedOff = standing.subStatus === 'SIGNED_OFF';
  return [
    {
      actionId,
      caseId: state.caseId,
      agency: state.agency,
      body: state.monitoringBody,
      lead: state.lead.displayText,
      recommendationIds: state.recommendationIds,
      status: standing.status,
      rag: standing.rag,
      kind: [
        standing.status,
        standing.subStatus ?? '',
        signedOff ? (impact ?? '') : '',
        standing.rag ?? '',
      ].join('|'),
      due: DATED_OPEN.has(standing.status) ? standing.currentDueDate! : '',
    },
  ];
}
