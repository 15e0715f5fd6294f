import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, InvalidInput } from './problem-details';
import { cacheValidationRules } from './validation-rules-cache';

/** Unknown fields are refused, values are converted to their declared types, and every
 * failure is reported with its field path and reason. */
export const validationPipe = () => {
  cacheValidationRules();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new InvalidInput(errors.flatMap((e) => flatten(e, ''))),
  });
};

function flatten(error: ValidationError, parent: string): FieldError[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}
