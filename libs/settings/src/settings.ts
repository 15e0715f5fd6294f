import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { resolve } from 'node:path';
import {
  type CaseDeciderConfig,
  type ClockRules,
  type ActionDeciderConfig,
  DEFAULT_ACTION_DECIDER_CONFIG,
  DEFAULT_CASE_DECIDER_CONFIG,
  DEFAULT_CLOCK_RULES,
  DEFAULT_ESCALATION_LADDER,
  type EscalationLadder,
  type RapidReviewAnchor,
  type RegimeClockRules,
  validateClockRules,
} from '@casetrail/domain';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const blankAsUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** One name or more, separated by |, none blank. */
const NAMES = /^[^|]*[^|\s][^|]*(\|[^|]*[^|\s][^|]*)*$/;
/** The names of a `|`-separated list, trimmed. */
const namesIn = (value: string | undefined) => value?.split('|').map((name) => name.trim());

/** The environment variables Casetrail reads, each validated once at start-up. */
class Environment {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  CASETRAIL_DATA_DIR?: string;

  @IsOptional()
  @Transform(blankAsUndefined)
  @IsIn(['sqlite', 'esdb'])
  CASETRAIL_EVENT_STORE?: 'sqlite' | 'esdb';

  @ValidateIf((env: Environment) => env.CASETRAIL_EVENT_STORE === 'esdb')
  @IsString()
  @Matches(/^esdb(\+discover)?:\/\/.+/, {
    message: 'must be an esdb:// or esdb+discover:// connection string',
  })
  CASETRAIL_ESDB_URL?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  CASETRAIL_JWT_ISSUER?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  CASETRAIL_JWT_AUDIENCE?: string;

  @IsOptional()
  @Transform(blankAsUndefined)
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] })
  CASETRAIL_JWKS_URL?: string;

  @IsOptional()
  @Matches(
    /^(EdDSA|ES256|ES384|RS256|RS384|RS512|PS256|PS384|PS512)(,(EdDSA|ES256|ES384|RS256|RS384|RS512|PS256|PS384|PS512))*$/,
    {
      message:
        'must be a comma-separated list of asymmetric JWS algorithms (EdDSA, ES256, RS256, …)',
    },
  )
  CASETRAIL_JWT_ALGORITHMS?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  CASETRAIL_MAX_CONSISTENCY_WAIT_MS?: number;

  @IsOptional()
  @IsIn(['AWARENESS', 'NOTIFICATION'])
  CASETRAIL_RAPID_REVIEW_ANCHOR?: RapidReviewAnchor;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' })
  CASETRAIL_WT2023_EFFECTIVE_FROM?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  CASETRAIL_WT2013_NOTIFICATION_WORKING_DAYS?: number;

  @IsOptional()
  @IsString()
  CASETRAIL_FORBIDDEN_NAMES?: string;

  @IsOptional() @Matches(/^\d{1,4},\d{1,4},\d{1,4}$/, { message: 'must be three day counts, e.g. 28,56,91' })
  CASETRAIL_ESCALATION_THRESHOLDS?: string;

  @IsOptional() @Matches(/^[^|]+\|[^|]+\|[^|]+$/, { message: 'must be three addressees separated by |' })
  CASETRAIL_ESCALATION_LADDER?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(86_400_000)
  CASETRAIL_ESCALATION_INTERVAL_MS?: number;

  @IsOptional() @Matches(NAMES, { message: 'must be names separated by |' })
  CASETRAIL_PAQA_MEMBERS?: string;

  @IsOptional() @Matches(NAMES, { message: 'must be names separated by |' })
  CASETRAIL_EXECUTIVE_MEMBERS?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10_000_000)
  CASETRAIL_STREAM_CACHE_EVENTS?: number;

  @IsOptional() @IsIn(['auto', 'off'])
  CASETRAIL_DEMO?: 'auto' | 'off';

  @IsOptional() @IsIn(['on', 'off'])
  CASETRAIL_BENCH_ENDPOINTS?: 'on' | 'off';

  @IsOptional() @IsIn(['worker', 'main'])
  CASETRAIL_PROJECTIONS_THREAD?: 'worker' | 'main';

  @IsOptional() @IsIn(['worker', 'main'])
  CASETRAIL_REPORTS_THREAD?: 'worker' | 'main';

  @IsOptional() @IsIn(['worker', 'main'])
  CASETRAIL_COMMITS_THREAD?: 'worker' | 'main';
}

/** Each monitoring body's roster, where the partnership keeps one (domain.md §5.5). */
function actionRulesFrom(env: Environment): ActionDeciderConfig {
  const paqa = namesIn(env.CASETRAIL_PAQA_MEMBERS);
  const executive = namesIn(env.CASETRAIL_EXECUTIVE_MEMBERS);
  return {
    ...DEFAULT_ACTION_DECIDER_CONFIG,
    members: { ...(paqa && { PAQA: paqa }), ...(executive && { EXECUTIVE: executive }) },
  };
}

/** The escalation ladder of domain.md §5.6, per partnership through configuration. */
function escalationLadderFrom(env: Environment): EscalationLadder {
  const thresholds = env.CASETRAIL_ESCALATION_THRESHOLDS?.split(',').map(Number) as [number, number, number] | undefined;
  const names = namesIn(env.CASETRAIL_ESCALATION_LADDER);
  return {
    levels: names ? { 1: names[0], 2: names[1], 3: names[2] } : DEFAULT_ESCALATION_LADDER.levels,
    thresholdsDays: thresholds ?? DEFAULT_ESCALATION_LADDER.thresholdsDays,
  };
}

/**
 * The statutory details domain.md leaves unconfirmed are settings (issue #3): where the rapid
 * review's 15 working days start, the day WT2023 took effect, WT2013's notification limit.
 */
function caseRulesFrom(env: Environment): CaseDeciderConfig {
  const base = DEFAULT_CLOCK_RULES;
  const partnership = (rules: RegimeClockRules): RegimeClockRules =>
    env.CASETRAIL_RAPID_REVIEW_ANCHOR && rules.rapidReview
      ? {
          ...rules,
          rapidReview: { ...rules.rapidReview, anchor: env.CASETRAIL_RAPID_REVIEW_ANCHOR },
        }
      : rules;
  const wt2013Notification = env.CASETRAIL_WT2013_NOTIFICATION_WORKING_DAYS;
  const clockRules: ClockRules = {
    effectiveFrom: {
      ...base.effectiveFrom,
      ...(env.CASETRAIL_WT2023_EFFECTIVE_FROM && { WT2023: env.CASETRAIL_WT2023_EFFECTIVE_FROM }),
    },
    regimes: {
      ...base.regimes,
      WT2013: wt2013Notification
        ? {
            ...base.regimes.WT2013,
            seriousIncidentNotification: { unit: 'WORKING_DAYS', amount: wt2013Notification },
          }
        : base.regimes.WT2013,
      WT2018: partnership(base.regimes.WT2018),
      WT2023: partnership(base.regimes.WT2023),
    },
  };
  const forbiddenNames = (env.CASETRAIL_FORBIDDEN_NAMES ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return { ...DEFAULT_CASE_DECIDER_CONFIG, clockRules, forbiddenNames: new Set(forbiddenNames) };
}

export interface Settings {
  port: number;
  dataDir: string;
  eventStore: { adapter: 'sqlite'; path: string } | { adapter: 'esdb'; connectionString: string };
  readModelsPath: string;
  jwt: {
    issuer: string;
    audience: string;
    /** Absent: the embedded default signs and verifies with a key kept in the data folder. */
    jwksUrl?: string;
    algorithms: string[];
  };
  logLevel: string;
  /** The longest a query may wait for the read models to reach a position. */
  maxConsistencyWaitMs: number;
  caseRules: CaseDeciderConfig;
  /** Who monitors actions, and who sits on each monitoring body where a roster is kept. */
  actionRules: ActionDeciderConfig;
  escalationLadder: EscalationLadder;
  /** How often the automatic escalator looks for overdue actions (0: never on its own). */
  escalationIntervalMs: number;
  /** How many events of recently read streams are kept in memory (0: none). */
  streamCacheEvents: number;
  /** `auto`: load the sample cases on first start with an empty store. */
  demo: 'auto' | 'off';
  /** Mounts the baseline endpoint `npm run bench` measures the command path against. */
  benchEndpoints: boolean;
  /**
   * Where the projections run on the embedded store: `worker`, a thread of their own (the
   * default), or `main`, the thread that answers requests. EventStoreDB's run on the main thread.
   */
  projectionsThread: 'worker' | 'main';
  /**
   * Where the reports that read every case's facts are built: `worker`, a thread of their own
   * (the default), one at a time, so a long one does not hold up the other requests; or `main`.
   */
  reportsThread: 'worker' | 'main';
  /**
   * Where the embedded store commits appends: `worker`, a thread of its own (the default), so
   * requests go on being answered while each commit waits for its fsync; or `main`.
   */
  commitsThread: 'worker' | 'main';
}

export class InvalidSettings extends Error {
  readonly code = 'INVALID_SETTINGS';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidSettings';
  }
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = plainToInstance(Environment, { ...env });
  const errors = validateSync(parsed, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new InvalidSettings(
      errors.map(
        (e) =>
          `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`,
      ),
    );
  }
  const caseRules = caseRulesFrom(parsed);
  const escalationLadder = escalationLadderFrom(parsed);
  const [first, second, third] = escalationLadder.thresholdsDays;
  if (!(first >= 1 && first < second && second < third)) {
    throw new InvalidSettings([`CASETRAIL_ESCALATION_THRESHOLDS: must rise strictly from at least 1 day, got ${escalationLadder.thresholdsDays.join(',')}`]);
  }
  const ruleProblems = validateClockRules(caseRules.clockRules);
  if (ruleProblems.length > 0) throw new InvalidSettings(ruleProblems);
  const dataDir = resolve(parsed.CASETRAIL_DATA_DIR ?? 'data');
  const jwksUrl = parsed.CASETRAIL_JWKS_URL;
  return {
    port: parsed.PORT ?? 3000,
    dataDir,
    eventStore:
      parsed.CASETRAIL_EVENT_STORE === 'esdb'
        ? { adapter: 'esdb', connectionString: parsed.CASETRAIL_ESDB_URL! }
        : { adapter: 'sqlite', path: resolve(dataDir, 'events.sqlite') },
    readModelsPath: resolve(dataDir, 'read-models.sqlite'),
    jwt: {
      issuer: parsed.CASETRAIL_JWT_ISSUER ?? 'casetrail-local',
      audience: parsed.CASETRAIL_JWT_AUDIENCE ?? 'casetrail',
      jwksUrl,
      algorithms: (
        parsed.CASETRAIL_JWT_ALGORITHMS ?? (jwksUrl ? 'RS256,ES256,EdDSA' : 'EdDSA')
      ).split(','),
    },
    logLevel: parsed.LOG_LEVEL ?? 'info',
    maxConsistencyWaitMs: parsed.CASETRAIL_MAX_CONSISTENCY_WAIT_MS ?? 5_000,
    caseRules,
    actionRules: actionRulesFrom(parsed),
    escalationLadder,
    escalationIntervalMs: parsed.CASETRAIL_ESCALATION_INTERVAL_MS ?? 60_000,
    streamCacheEvents: parsed.CASETRAIL_STREAM_CACHE_EVENTS ?? 20_000,
    demo: parsed.CASETRAIL_DEMO ?? 'auto',
    benchEndpoints: parsed.CASETRAIL_BENCH_ENDPOINTS === 'on',
    projectionsThread: parsed.CASETRAIL_PROJECTIONS_THREAD ?? 'worker',
    reportsThread: parsed.CASETRAIL_REPORTS_THREAD ?? 'worker',
    commitsThread: parsed.CASETRAIL_COMMITS_THREAD ?? 'worker',
  };
}
