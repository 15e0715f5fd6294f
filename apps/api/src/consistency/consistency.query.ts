import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/**
 * Read-your-writes: a client that got `{ position }` from a command passes it as
 * `minPosition`, and the query waits (at most `waitMs`, bounded by configuration) until
 * every read model has processed the log that far.
 */
export class ConsistencyQuery {
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'minPosition must be a global position (digits only)' })
  minPosition?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  waitMs?: number;
}
