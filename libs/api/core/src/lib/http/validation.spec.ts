import { IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { AppValidationPipe, fieldLabel, nulDetails } from './validation';

class Row {
  @IsOptional() @IsString({ message: '完成情况说明必须是文本' })
  description?: string;
}
class Body {
  @IsString({ message: '请填写项目名称' }) @MaxLength(200, { message: '项目名称最多 200 个字符' })
  name!: string;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Row)
  rows?: Row[];
}

class Parent {
  @IsOptional() @ValidateNested({ each: true }) @Type(() => Row)
  items?: Row[];
  @IsOptional() @ValidateNested({ message: '预算执行须为对象' }) @Type(() => Row)
  budget?: Row;
}

describe('the validation pipe', () => {
  const pipe = new AppValidationPipe();

  it('names a field by the label in its messages, else by its path', () => {
    expect(fieldLabel(new Body(), 'name', 'name')).toBe('项目名称');
    expect(fieldLabel(new Row(), 'description', 'rows[0].description')).toBe('完成情况说明');
    expect(fieldLabel({}, 'x', 'a.x')).toBe('「a.x」');
  });

  it('finds NUL in nested strings and in keys', () => {
    expect(nulDetails({ a: ['ok', 'b\u0000'], ['k\u0000']: 1 })).toEqual([
      { field: 'a[1]', code: 'nulCharacter', message: '「a[1]」含有空字符（U+0000），请删除后重试' },
      { field: 'k\u0000', code: 'nulCharacter', message: '字段名「k\u0000」含有空字符（U+0000）' },
    ]);
    expect(nulDetails({ a: 'fine\n', b: [1, null, true] })).toEqual([]);
  });

  it('refuses NUL in a DTO with the field named in Chinese, after the class rules', async () => {
    const meta = { type: 'body' as const, metatype: Body };
    await expect(pipe.transform({ name: 'x', rows: [{ description: 'a\u0000' }] }, meta)).rejects.toMatchObject({
      response: { statusCode: 400, details: [{ field: 'rows[0].description', message: '完成情况说明含有空字符（U+0000），请删除后重试' }] },
    });
    await expect(pipe.transform({ name: 'x', rows: [{ description: 'a\nb' }] }, meta)).resolves.toBeInstanceOf(Body);
    await expect(pipe.transform('a\u0000', { type: 'param', data: 'id', metatype: String })).rejects.toMatchObject({ response: { details: [{ field: 'id' }] } });
  });

  it('answers in Chinese where a nested object is something else, arrays included', async () => {
    const meta = { type: 'body' as const, metatype: Parent };
    const details = async (v: unknown) => {
      try {
        await pipe.transform(v, meta);
        return [];
      } catch (e) {
        return (e as { response: { details: { field: string; message: string }[] } }).response.details.map((d) => `${d.field}: ${d.message}`);
      }
    };
    expect(await details({ items: [null, 'x'] })).toEqual(['items[0]: 「items」的第 1 项须为对象', 'items[1]: 「items」的第 2 项须为对象']);
    expect(await details({ items: [{}, []] })).toEqual(['items[1]: 「items」的第 2 项须为对象']);
    expect(await details({ budget: [] })).toEqual(['budget: 预算执行须为对象']);
    expect(await details({ budget: 'x' })).toEqual(['budget: 预算执行须为对象']);
    expect(await details({ items: [{ description: 'ok' }], budget: {} })).toEqual([]);
  });
});
