import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  ARRAY_NOT_EMPTY,
  ARRAY_UNIQUE,
  getMetadataStorage,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_IN,
  IS_INT,
  IS_NUMBER,
  IS_OBJECT,
  IS_OPTIONAL,
  IS_STRING,
  IS_UUID,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
  ValidationTypes,
  type MetadataStorage,
} from 'class-validator';

/**
 * The OpenAPI schema of every DTO property, derived from its class-validator rules: the DTO classes are the one
 * description of a request, so the document cannot drift from what the validation pipe accepts. Nest's explorer
 * then fills request bodies from these properties and explodes `@Query()` DTOs into parameters.
 */

type Schema = Record<string, unknown>;
type Cls = ClassConstructor<object>;
type ValidationMetadata = Parameters<MetadataStorage['addValidationMetadata']>[0];

const done = new WeakSet<object>();

/** class-validator keeps its metadata per target class; there is no public list of the classes. */
function validatedClasses(): Map<Cls, ValidationMetadata[]> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Cls | string, ValidationMetadata[]> };
  const out = new Map<Cls, ValidationMetadata[]>();
  for (const [target, list] of storage.validationMetadatas) if (typeof target === 'function') out.set(target, list);
  return out;
}

function depth(cls: Cls): number {
  let n = 0;
  for (let p = Object.getPrototypeOf(cls); p && p !== Function.prototype; p = Object.getPrototypeOf(p)) n++;
  return n;
}

/** The schema keyword(s) of one rule, for the value itself or (`each`) for the items of an array. */
function ruleSchema(m: ValidationMetadata): Schema {
  const c = m.constraints ?? [];
  switch (m.name) {
    case IS_STRING:
      return { type: 'string' };
    case IS_INT:
      return { type: 'integer' };
    case IS_NUMBER:
      return { type: 'number' };
    case IS_BOOLEAN:
      return { type: 'boolean' };
    case IS_UUID:
      return { type: 'string', format: 'uuid' };
    case IS_IN:
      return { enum: [...(c[0] as unknown[])] };
    case MATCHES:
      return { type: 'string', pattern: (c[0] as RegExp).source };
    case MIN_LENGTH:
      return { minLength: c[0] };
    case MAX_LENGTH:
      return { maxLength: c[0] };
    case MIN:
      return { minimum: c[0] };
    case MAX:
      return { maximum: c[0] };
    case IS_OBJECT:
      return { type: 'object' };
    default:
      return {};
  }
}

function arrayRule(m: ValidationMetadata): Schema {
  const c = m.constraints ?? [];
  switch (m.name) {
    case IS_ARRAY:
      return { isArray: true };
    case ARRAY_MAX_SIZE:
      return { maxItems: c[0] };
    case ARRAY_MIN_SIZE:
      return { minItems: c[0] };
    case ARRAY_NOT_EMPTY:
      return { minItems: 1 };
    case ARRAY_UNIQUE:
      return { uniqueItems: true };
    default:
      return {};
  }
}

/** The class of a nested DTO property (its `@Type(() => X)`), found by letting class-transformer convert a probe. */
function nestedClass(cls: Cls, property: string): Cls | undefined {
  const probe = plainToInstance(cls, { [property]: [{}] }) as Record<string, unknown>;
  const value = probe[property];
  const element: unknown = Array.isArray(value) ? value[0] : value;
  const ctor = element && typeof element === 'object' ? (element.constructor as Cls) : undefined;
  return ctor && ctor !== (Object as unknown as Cls) ? ctor : undefined;
}

const DESIGN_TYPES = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
]);

/** The ApiProperty options of one property from its rules (and its class-transformer `@Type`, for nested DTOs). */
function propertyOptions(cls: Cls, property: string, rules: ValidationMetadata[]): ApiPropertyOptions {
  const value: Schema = {};
  const items: Schema = {};
  let isArray = false;
  let optional = false;
  let nullable = false;
  const messages: string[] = [];
  for (const m of rules) {
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      optional = true;
      // @IsOptional lets null through as well; @ValidateIf(present) (PATCH bodies) refuses it
      if (m.name === IS_OPTIONAL) nullable = true;
      continue;
    }
    // the rule's own message (class-validator's English defaults hold `$property` placeholders)
    if (typeof m.message === 'string' && !m.message.includes('$') && !messages.includes(m.message)) messages.push(m.message);
    const arr = arrayRule(m);
    if (Object.keys(arr).length) {
      const { isArray: a, ...rest } = arr;
      if (a) isArray = true;
      Object.assign(value, rest);
      continue;
    }
    if (m.each) {
      isArray = true;
      Object.assign(items, ruleSchema(m));
    } else Object.assign(value, ruleSchema(m));
  }
  const designType = Reflect.getMetadata('design:type', cls.prototype, property);
  if (designType === Array) isArray = true;
  const nested = rules.some((m) => m.type === ValidationTypes.NESTED_VALIDATION);
  const nestedCls = nested ? nestedClass(cls, property) : undefined;
  const options: Schema = { required: !optional };
  if (nullable) options['nullable'] = true;
  // decorators register from the last one written to the first: read the messages in the order they are written
  if (messages.length) options['description'] = messages.reverse().join('；');
  if (nestedCls) {
    options['type'] = nestedCls;
  } else if (isArray) {
    Object.assign(options, items);
  } else {
    Object.assign(options, value);
  }
  if (isArray) {
    options['isArray'] = true;
    for (const k of ['maxItems', 'minItems', 'uniqueItems'] as const) if (value[k] !== undefined) options[k] = value[k];
  }
  if (options['type'] === undefined) {
    const enumValues = options['enum'] as unknown[] | undefined;
    const fromDesign = DESIGN_TYPES.get(designType);
    if (enumValues?.length) options['type'] = typeof enumValues[0] === 'number' ? 'number' : 'string';
    else options['type'] = fromDesign ?? (isArray ? 'string' : 'object');
  }
  return options as ApiPropertyOptions;
}

/**
 * Adds the OpenAPI metadata of every class-validator DTO loaded so far (base classes first, so a subclass lists its
 * inherited properties). Call before `SwaggerModule.createDocument`; classes already done are skipped.
 */
export function documentValidatedDtos(): number {
  const classes = [...validatedClasses()].sort(([a], [b]) => depth(a) - depth(b));
  let count = 0;
  for (const [cls, metadatas] of classes) {
    if (done.has(cls)) continue;
    done.add(cls);
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const m of metadatas) {
      if (m.type === ValidationTypes.WHITELIST) continue;
      byProperty.set(m.propertyName, [...(byProperty.get(m.propertyName) ?? []), m]);
    }
    for (const [property, rules] of byProperty) ApiProperty(propertyOptions(cls, property, rules))(cls.prototype, property);
    count++;
  }
  return count;
}
