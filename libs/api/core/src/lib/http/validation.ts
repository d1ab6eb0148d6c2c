import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { ApiErrorDetail } from '@pt/shared/contracts';
import { badRequest } from './request-helpers';

/** Flatten class-validator errors into `details`, naming each field by its path (e.g. `indicators[2].target`). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): ApiErrorDetail[] {
  const out: ApiErrorDetail[] = [];
  for (const e of errors) {
    const field = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    for (const [key, message] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        code: key,
        message: key === 'whitelistValidation' ? `不允许的字段「${field}」` : message,
      });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** The global pipe: whitelist, forbid unknown fields, transform; errors in the contract's shape, in Chinese. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => badRequest(flattenValidationErrors(errors)),
  });
}
