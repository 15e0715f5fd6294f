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

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const blankAsUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The environment variables Casetrail reads, each validated once at start-up. */
class Environment {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString() @IsNotEmpty()
  CASETRAIL_DATA_DIR?: string;

  @IsOptional() @Transform(blankAsUndefined) @IsIn(['sqlite', 'esdb'])
  CASETRAIL_EVENT_STORE?: 'sqlite' | 'esdb';

  @ValidateIf((env: Environment) => env.CASETRAIL_EVENT_STORE === 'esdb')
  @IsString()
  @Matches(/^esdb(\+discover)?:\/\/.+/, { message: 'must be an esdb:// or esdb+discover:// connection string' })
  CASETRAIL_ESDB_URL?: string;

  @IsOptional() @IsString() @IsNotEmpty()
  CASETRAIL_JWT_ISSUER?: string;

  @IsOptional() @IsString() @IsNotEmpty()
  CASETRAIL_JWT_AUDIENCE?: string;

  @IsOptional() @Transform(blankAsUndefined) @IsUrl({ require_tld: false, protocols: ['https', 'http'] })
  CASETRAIL_JWKS_URL?: string;

  @IsOptional() @Matches(/^(EdDSA|ES256|ES384|RS256|RS384|RS512|PS256|PS384|PS512)(,(EdDSA|ES256|ES384|RS256|RS384|RS512|PS256|PS384|PS512))*$/, {
    message: 'must be a comma-separated list of asymmetric JWS algorithms (EdDSA, ES256, RS256, …)',
  })
  CASETRAIL_JWT_ALGORITHMS?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  CASETRAIL_MAX_CONSISTENCY_WAIT_MS?: number;
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
      errors.map((e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
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
      algorithms: (parsed.CASETRAIL_JWT_ALGORITHMS ?? (jwksUrl ? 'RS256,ES256,EdDSA' : 'EdDSA')).split(','),
    },
    logLevel: parsed.LOG_LEVEL ?? 'info',
    maxConsistencyWaitMs: parsed.CASETRAIL_MAX_CONSISTENCY_WAIT_MS ?? 5_000,
  };
}
