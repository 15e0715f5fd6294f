import { FAMILY_INVOLVEMENT } from '@casetrail/domain';
import { buildAnnualReport } from './annual/annual-report';
import type { AnnualReportAsOf, GetAnnualReport } from './annual/get-annual-report.query';
import { buildDataQualityQueue } from './registers/data-quality-queue';
import type { DataQualityQueueAsOf, GetDataQualityQueue } from './registers/get-data-quality-queue';
import type { FamilyRegisterAsOf, GetFamilyRegister } from './registers/get-family-register';
import type { GetLearningThemes, LearningThemesAsOf } from './registers/get-learning-themes';
import type { GetProcessRegister, ProcessRegisterAsOf } from './registers/get-process-register';
import type {
  GetRecommendationRegister,
  RecommendationRegisterAsOf,
} from './registers/get-recommendation-register';
import { buildFamilyRegister } from './registers/family-involvement';
import { buildLearningThemes } from './registers/learning-themes';
import { buildProcessRegister } from './registers/parallel-process-register';
import { buildRecommendationRegister } from './registers/recommendation-register';
import type { ReportFacts } from './report-facts';

/** A query's fields without its class: what crosses to the report thread. */
type Fields<Q> = { [K in keyof Q as Q[K] extends (...args: never[]) => unknown ? never : K]: Q[K] };

/**
 * The reports that read facts of every case, each as one function of the facts and the query's
 * fields. At a million events the annual report reads for seconds; ReportThread builds these on a
 * thread of their own, so that nothing else waits for them. The progress report is not here: it
 * reads the portfolio read model's totals and answers in milliseconds.
 */
export const REPORT_BUILDS = {
  annual: (
    facts: ReportFacts,
    { period, asOf, mode }: Fields<GetAnnualReport>,
  ): AnnualReportAsOf => ({
    asOf,
    mode,
    ...buildAnnualReport(period, facts.asOf(asOf, mode)),
  }),

  processes: (
    facts: ReportFacts,
    { asOf, mode, status }: Fields<GetProcessRegister>,
  ): ProcessRegisterAsOf => {
    const { processes, pauses } = facts.processRegister(asOf, mode);
    return { asOf, mode, ...buildProcessRegister(asOf, processes, pauses, status) };
  },

  families: (facts: ReportFacts, { asOf, mode }: Fields<GetFamilyRegister>): FamilyRegisterAsOf => {
    const { reviews, records } = facts.familyRegister(asOf, mode);
    return { asOf, mode, ...buildFamilyRegister(asOf, reviews, records, FAMILY_INVOLVEMENT) };
  },

  dataQuality: (facts: ReportFacts, query: Fields<GetDataQualityQueue>): DataQualityQueueAsOf => {
    const { asOf, mode, page, pageSize } = query;
    const { problem, ...filter } = query.filter;
    const { actions, reviews } = facts.dataQuality(asOf, mode, filter);
    const queue = buildDataQualityQueue(asOf, actions, reviews, { problem, page, pageSize });
    return { asOf, mode, page, pageSize, ...queue };
  },

  recommendations: (
    facts: ReportFacts,
    query: Fields<GetRecommendationRegister>,
  ): RecommendationRegisterAsOf => {
    const { asOf, mode, kind, page, pageSize } = query;
    const { recommendations, actions } = facts.recommendationRegister(asOf, mode);
    const register = buildRecommendationRegister(asOf, recommendations, actions, {
      kind,
      page,
      pageSize,
    });
    return { asOf, mode, page, pageSize, ...register };
  },

  learningThemes: (
    facts: ReportFacts,
    { asOf, mode, theme }: Fields<GetLearningThemes>,
  ): LearningThemesAsOf => ({
    asOf,
    mode,
    ...buildLearningThemes(facts.learningRegister(asOf, mode), theme),
  }),
};

export type ReportName = keyof typeof REPORT_BUILDS;
export type ReportQuery<N extends ReportName> = Parameters<(typeof REPORT_BUILDS)[N]>[1];
export type ReportOf<N extends ReportName> = ReturnType<(typeof REPORT_BUILDS)[N]>;

/** Builds one report from the facts. */
export function buildReport<N extends ReportName>(
  facts: ReportFacts,
  name: N,
  query: ReportQuery<N>,
): ReportOf<N> {
  const build = REPORT_BUILDS[name] as (facts: ReportFacts, query: ReportQuery<N>) => ReportOf<N>;
  return build(facts, query);
}
