import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import { ReadModelConsistency } from '../consistency/read-model-consistency';
import { type FieldError, InvalidInput } from '../http/problem-details';
import { Clock } from '../infrastructure/clock';
import { AnnualReportDto } from './annual/annual-report.dto';
import { GetAnnualReport } from './annual/get-annual-report.query';
import { GetProgressReport } from './progress/get-progress-report.query';
import { ProgressReportDto } from './progress/progress-report.dto';
import { GetDataQualityQueue } from './registers/get-data-quality-queue';
import { GetFamilyRegister } from './registers/get-family-register';
import { GetLearningThemes } from './registers/get-learning-themes';
import { GetProcessRegister } from './registers/get-process-register';
import { GetRecommendationRegister } from './registers/get-recommendation-register';
import {
  DataQualityQueueDto,
  LearningThemesDto,
  ProcessRegisterDto,
  RecommendationRegisterDto,
  RegisterDto,
} from './registers/register.dto';

/** The Executive's reports (domain.md §6.4, §6.6), drawn as of a date in either mode (§0.3). */
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly consistency: ReadModelConsistency,
  ) {}

  /** Per review, agency, theme and monitoring body; the reviews are paged, worst first. */
  @Get('progress')
  async progress(@QueryParams() query: ProgressReportDto) {
    await this.consistency.awaitPosition(query);
    const asOf = this.asOfOrToday(query.asOf);
    refuse([query.since === undefined ? undefined : notAfter('since', query.since, 'asOf', asOf)]);
    return this.queries.execute(
      new GetProgressReport(
        asOf,
        query.mode ?? 'effective',
        query.caseId,
        query.page,
        query.pageSize,
        query.since,
      ),
    );
  }

  /** Every parallel process on the date, open or concluded, with its impact and pauses (§6.7). */
  @Get('parallel-processes')
  async parallelProcesses(@QueryParams() query: ProcessRegisterDto) {
    await this.consistency.awaitPosition(query);
    const asOf = this.asOfOrToday(query.asOf);
    return this.queries.execute(
      new GetProcessRegister(asOf, query.mode ?? 'effective', query.status),
    );
  }

  /** Each review with how its family took part, record by record, silent ones first (§6.7). */
  @Get('family-involvement')
  async familyInvolvement(@QueryParams() query: RegisterDto) {
    await this.consistency.awaitPosition(query);
    const asOf = this.asOfOrToday(query.asOf);
    return this.queries.execute(new GetFamilyRegister(asOf, query.mode ?? 'effective'));
  }

  /** Each action open on the date whose plan needs putting right, and what is wrong (§6.7). */
  @Get('data-quality')
  async dataQuality(@QueryParams() query: DataQualityQueueDto) {
    await this.consistency.awaitPosition(query);
    const asOf = this.asOfOrToday(query.asOf);
    const { agency, caseId, problem, page, pageSize } = query;
    return this.queries.execute(
      new GetDataQualityQueue(
        asOf,
        query.mode ?? 'effective',
        { agency, caseId, problem },
        page,
        pageSize,
      ),
    );
  }

  /** Recommendations no action answers, and those repeating an earlier review's (§6.7). */
  @Get('unplanned-and-repeated-recommendations')
  async recommendations(@QueryParams() query: RecommendationRegisterDto) {
    await this.consistency.awaitPosition(query);
    const asOf = this.asOfOrToday(query.asOf);
    const { kind, page, pageSize } = query;
    return this.queries.execute(
      new GetRecommendationRegister(asOf, query.mode ?? 'effective', kind, page, pageSize),
    );
  }

  /** Per learning theme, the reviews that met it, their links and how it was spread (§6.7). */
  @Get('learning-themes')
  async learningThemes(@QueryParams() query: LearningThemesDto) {
    await this.consistency.awaitPosition(query);
    const asOf = this.asOfOrToday(query.asOf);
    return this.queries.execute(
      new GetLearningThemes(asOf, query.mode ?? 'effective', query.theme),
    );
  }

  /** The date a report is drawn for: today unless asked, and never after today. */
  private asOfOrToday(asOf: BusinessDate | undefined): BusinessDate {
    const today = this.clock.today();
    refuse([asOf === undefined ? undefined : notAfter('asOf', asOf, 'today', today)]);
    return asOf ?? today;
  }

  /** A period's referrals, decisions, timeliness, children, themes and action plans. */
  @Get('annual')
  async annual(@QueryParams() query: AnnualReportDto) {
    await this.consistency.awaitPosition(query);
    const today = this.clock.today();
    const { from, to } = query;
    const asOf = query.asOf ?? today;
    refuse([
      notAfter('from', from, 'to', to),
      notAfter('to', to, 'today', today),
      notAfter('asOf', asOf, 'today', today),
      // Drawn before its period ended, a report would count days that had not happened yet.
      query.asOf === undefined ? undefined : notAfter('to', to, 'asOf', asOf, 'asOf'),
    ]);
    return this.queries.execute(new GetAnnualReport({ from, to }, asOf, query.mode ?? 'effective'));
  }
}

function notAfter(
  field: string,
  date: BusinessDate,
  limitName: string,
  limit: BusinessDate,
  reported = field,
): FieldError | undefined {
  return date > limit
    ? { field: reported, reason: `${field} (${date}) must not be after ${limitName} (${limit})` }
    : undefined;
}

function refuse(errors: (FieldError | undefined)[]): void {
  const found = errors.filter((e): e is FieldError => e !== undefined);
  if (found.length > 0) throw new InvalidInput(found);
}
