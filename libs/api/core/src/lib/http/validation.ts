import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { type ApiErrorDetail, hasNul, nulMessage } from '@pt/shared/contracts';
import { getMetadataStorage } from 'class-validator';
import { badRequest } from './request-helpers';

/** class-validator's own (English) message when a nested object is something else. */
const NESTED_DEFAULT = /^(each value in )?nested property .* must be either object or array$/;

/**
 * Flatten class-validator errors into `details`, naming each field by its path (e.g. `indicators[2].target`).
 * `parent` is the error of the array holding an element (its label names the element).
 */
export function flattenValidationErrors(errors: ValidationError[], prefix = '', parent?: ValidationError): ApiErrorDetail[] {
  const out: ApiErrorDetail[] = [];
  for (const e of errors) {
    const index = /^\d+$/.test(e.property);
    const field = index ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    for (const [key, message] of Object.entries(e.constraints ?? {})) {
      let text = message;
      if (key === 'whitelistValidation') text = `不允许的字段「${field}」`;
      else if (key === 'nestedValidation' && NESTED_DEFAULT.test(message)) {
        text = index && parent ? `${fieldLabel(parent.target, parent.property, prefix)}的第 ${Number(e.property) + 1} 项须为对象` : `${fieldLabel(e.target, e.property, field)}须为对象`;
      }
      out.push({ field, code: key, message: text });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field, e));
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
      // `监控指标 items 须为数组` → 监控指标
      const name = label?.replace(/\s*[A-Za-z]+\s*$/, '').trim();
      if (name && name.length <= 30) return name;
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
 * Nested objects that are arrays: class-validator validates an array in place of an object element by element
 * (`items: [[]]` passes), and the handler then reads fields of an array. Every `@ValidateNested` value must be
 * an object (each element of it, with `each`).
 */
export function nestedShapeDetails(obj: object, path = '', depth = 0): ApiErrorDetail[] {
  const out: ApiErrorDetail[] = [];
  if (depth > 64) return out;
  const nested = getMetadataStorage()
    .getTargetValidationMetadatas(obj.constructor, '', true, false)
    .filter((m) => m.type === 'nestedValidation');
  for (const m of nested) {
    const v = (obj as Record<string, unknown>)[m.propertyName];
    if (v === null || v === undefined) continue;
    const at = path ? `${path}.${m.propertyName}` : m.propertyName;
    const label = fieldLabel(obj, m.propertyName, at);
    const elements: [unknown, string, string][] = m.each && Array.isArray(v) ? v.map((el, i) => [el, `${at}[${i}]`, `${label}的第 ${i + 1} 项`]) : [[v, at, label]];
    for (const [el, field, name] of elements) {
      if (typeof el !== 'object' || el === null || Array.isArray(el)) out.push({ field, code: 'nestedValidation', message: `${name}须为对象` });
      else out.push(...nestedShapeDetails(el, field, depth + 1));
    }
  }
  return out;
}

/**
 * The global pipe: whitelist, forbid unknown fields, transform; errors in the contract's shape, in Chinese.
 * Then nested objects checked to be objects, and one rule for every string of every request: no NUL (refused
 * with the field named, never stripped).
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
    const details = out !== null && typeof out === 'object' && metadata.metatype && out instanceof metadata.metatype ? nestedShapeDetails(out) : [];
    details.push(...nulDetails(out, metadata.type === 'param' ? (metadata.data ?? '') : ''));
    if (details.length) throw badRequest(details);
    return out;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe();
}
