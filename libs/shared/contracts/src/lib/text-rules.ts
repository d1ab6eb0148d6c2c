import { IsDefined, IsObject, ValidateBy, type ValidationOptions } from 'class-validator';

// Rules for text a person types, shared by every DTO (issue 13). Nothing is stripped or changed silently:
// a value that breaks a rule is refused with a message naming the field.

/** Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): they make a name read differently from what it is. */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAKS = /[\r\n\u2028\u2029]/;

/** NUL: PostgreSQL text cannot hold it. The validation pipe refuses it in every string of every request. */
export function hasNul(value: string): boolean {
  return value.includes(String.fromCharCode(0));
}

export const nulMessage = (label: string) => `${label}含有空字符（U+0000），请删除后重试`;

/** A control character other than tab, line feed and carriage return (C0 and DEL). */
function hasControlChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/** Why `value` cannot be a single-line name, or null. */
export function singleLineProblem(value: unknown, label: string): string | null {
  if (typeof value !== 'string') return null;
  if (hasNul(value)) return nulMessage(label);
  if (LINE_BREAKS.test(value)) return `${label}不能换行（不能包含回车或换行符）`;
  if (value.includes('\t')) return `${label}不能包含制表符`;
  if (hasControlChar(value)) return `${label}含有不可见的控制字符，请删除后重试`;
  if (BIDI_CONTROLS.test(value)) return `${label}含有改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069），请删除后重试`;
  return null;
}

/** Why `value` cannot be a multi-line text (line breaks and tabs allowed), or null. */
export function multiLineProblem(value: unknown, label: string): string | null {
  if (typeof value !== 'string') return null;
  if (hasNul(value)) return nulMessage(label);
  return hasControlChar(value) ? `${label}含有不可见的控制字符，请删除后重试` : null;
}

/** The problem of a value, or of the first element that has one (`{ each: true }` hands the whole array to the message). */
function problemOf(value: unknown, label: string, rule: (v: unknown, label: string) => string | null): string {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    const problem = rule(v, label);
    if (problem) return problem;
  }
  return `${label}格式不正确`;
}

/** A rule named `name` that refuses a value for which `problem` has something to say, with that as the message. */
function textRule(name: string, label: string, problem: (v: unknown, label: string) => string | null, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => problem(value, label) === null,
        defaultMessage: (args) => problemOf(args?.value, label, problem),
      },
    },
    options,
  );
}

/** A name or other one-line field: no line breaks, tabs, control or bidi characters. */
export function SingleLine(label: string, options?: ValidationOptions): PropertyDecorator {
  return textRule('singleLine', label, singleLineProblem, options);
}

/** A multi-line text (概况, 说明, 意见…): line breaks and tabs allowed, other control characters refused. */
export function MultiLine(label: string, options?: ValidationOptions): PropertyDecorator {
  return textRule('multiLine', label, multiLineProblem, options);
}

/** A required text: not empty and not only spaces (`"   "` is not a name). */
export function NotBlank(label: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'notBlank',
      validator: {
        validate: (value) => typeof value === 'string' && value.trim() !== '',
        defaultMessage: () => `请填写${label}`,
      },
    },
    options,
  );
}

/**
 * A nested object that must be there: `@ValidateNested` alone lets a missing object through (the handler
 * then fails on it). Use with `@ValidateNested() @Type(() => X)`.
 */
export function RequiredObject(label: string): PropertyDecorator {
  return (target, key) => {
    IsDefined({ message: `请填写${label}` })(target, key);
    IsObject({ message: `${label}须为对象` })(target, key);
  };
}
