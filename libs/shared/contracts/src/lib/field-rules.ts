import { Type, type ClassConstructor } from 'class-transformer';
import { MONEY_PATTERN, moneyMessage } from '@pt/shared/api-types';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

// Rules several DTOs share (amounts, years, paging), each with the messages it always had.

/**
 * Several rules as one decorator, registered as if written left to right on the property (decorators apply from
 * the last one written): the order of the messages in a 400 stays the same.
 */
function rules(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of [...decorators].reverse()) decorate(target, key);
  };
}

/** An amount in yuan, e.g. "500000.00" (`typeMessage`: when it is not text). */
export function Money(label: string, typeMessage = moneyMessage(label)): PropertyDecorator {
  return rules(IsString({ message: typeMessage }), Matches(MONEY_PATTERN, { message: moneyMessage(label) }));
}

/**
 * Optional amounts in yuan on `cls`, one per key, each named in its messages by its label (absent or null: not
 * given) — for the blocks of amounts (项目资金, 预算执行 rows) whose fields differ only by their names.
 */
export function optionalAmounts<T extends object>(cls: ClassConstructor<T>, labels: { readonly [K in keyof T]?: string }): void {
  const optionalAmount = (label: string) => rules(IsOptional(), Money(label));
  for (const [key, label] of Object.entries(labels) as [string, string][]) optionalAmount(label)(cls.prototype, key);
}

/** A budget year, 2000–2100 (a query string is converted to a number first). */
export function Year(label = '年度'): PropertyDecorator {
  return rules(
    Type(() => Number),
    IsInt({ message: `${label}须为整数` }),
    Min(2000, { message: `${label}不早于 2000` }),
    Max(2100, { message: `${label}不晚于 2100` }),
  );
}

/** The query of a paged list (GET /api/projects, /api/indicator-library, /api/audit): 1-based page, at most 200 rows. */
export class PageQueryDto {
  @IsOptional() @Type(() => Number) @IsInt({ message: '页码须为正整数' }) @Min(1, { message: '页码须为正整数' }) @Max(100000, { message: '页码过大' })
  page?: number;
  @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数须为整数' }) @Min(1, { message: '每页至少 1 条' }) @Max(200, { message: '每页最多 200 条' })
  pageSize?: number;
}
