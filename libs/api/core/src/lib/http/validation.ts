import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { type ApiErrorDetail, hasNul, nulMessage } from '@pt/shared/contracts';
import { getMetadataStorage } from 'class-validator';
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

/** A field's Chinese name, read from its validation messages (`项目名称必须是文本`, `请填写项目名称`); else its path in 「」. */
export function fieldLabel(target: object | undefined, property: string, path: string): string {
  if (target) {
    const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
    for (const m of metas) {
      if (m.propertyName !== property || typeof m.message !== 'string') continue;
      const label = /^请(?:填写|输入|选择)(.+)$/.exec(m.message)?.[1] ?? /^(.+?)(?:必须是|须为|最多|不能|不早于|不晚于)/.exec(m.message)?.[1];
      if (label && label.length <= 30) return label;
    }
  }
  return `「${path}」`;
}

/** Every string holding NUL, anywhere in a request's body, query or parameters (PostgreSQL text cannot store it). */
export function nulDetails(value: unknown, path = '', owner?: object, property = path, depth = 0): ApiErrorDetail[] {
  if (typeof value === 'string') {
    return hasNul(value) ? [{ field: path || 'body', code: 'nulCharacter', message: nulMessage(fieldLabel(owner, property, path || 'body')) }] : [];
  }
  // the body parser bounds the depth; this bound only keeps a hand-made object from recursing for ever
  if (value === null || typeof value !== 'object' || depth > 64) return [];
  const out: ApiErrorDetail[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...nulDetails(v, `${path}[${i}]`, owner, property, depth + 1)));
    return out;
  }
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    if (hasNul(k)) out.push({ field: at, code: 'nulCharacter', message: `字段名「${at}」含有空字符（U+0000）` });
    else out.push(...nulDetails(v, at, value, k, depth + 1));
  }
  return out;
}

/**
 * The global pipe: whitelist, forbid unknown fields, transform; errors in the contract's shape, in Chinese.
 * Then one rule for every string of every request: no NUL (refused with the field named, never stripped).
 */
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => badRequest(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const out = await super.transform(value, metadata);
    if (metadata.type === 'custom') return out;
    const details = nulDetails(out, metadata.type === 'param' ? (metadata.data ?? '') : '');
    if (details.length) throw badRequest(details);
    return out;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe();
}
