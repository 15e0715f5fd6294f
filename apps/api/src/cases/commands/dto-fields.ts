import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { isBusinessDate } from '@casetrail/domain';

/**
 * Field decorators shared by the command DTOs, so every date, text and code list is checked
 * the same way: dates as ISO calendar dates, text bounded, codes from the domain's lists.
 */

export function IsCalendarDate(): PropertyDecorator {
  return (target, property) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: property as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isBusinessDate(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a calendar date YYYY-MM-DD`,
      },
    });
}

export const CalendarDate = () => applyDecorators(IsString(), IsCalendarDate());
export const OptionalCalendarDate = () => applyDecorators(IsOptional(), CalendarDate());

/** Short text: a name, a role, an agency (≤ 200). */
export const ShortText = (max = 200) => applyDecorators(IsString(), IsNotEmpty(), MaxLength(max));
export const OptionalShortText = (max = 200) => applyDecorators(IsOptional(), ShortText(max));

/** Narrative: a rationale, a summary, a reason (≤ 10,000). */
export const LongText = () => ShortText(10_000);
export const OptionalLongText = () => OptionalShortText(10_000);

export const OneOf = (values: readonly string[]) =>
  applyDecorators(
    IsIn(values as string[], {
      message: ({ property }) => `${property} must be one of: ${values.join(', ')}`,
    }),
  );

export const ListOf = (values: readonly string[], max = 50) =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(max),
    IsIn(values as string[], {
      each: true,
      message: ({ property }) => `each of ${property} must be one of: ${values.join(', ')}`,
    }),
  );

/** A list of short texts (ids, agencies); `length` raises the bound for sentences such as key issues. */
export const TextList = (max = 50, length = 200) =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    MaxLength(length, { each: true }),
  );

export const Nested = (type: () => new () => object) =>
  applyDecorators(ValidateNested(), Type(type));
export const NestedList = (type: () => new () => object, max = 50) =>
  applyDecorators(IsArray(), ArrayMaxSize(max), ValidateNested({ each: true }), Type(type));

/** Ids chosen by clients (decision, review, finding, recommendation, process ids). */
export const ClientId = () =>
  applyDecorators(
    IsString(),
    Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, {
      message: ({ property }) => `${property} must be 1-64 letters, digits or ._:-`,
    }),
  );
