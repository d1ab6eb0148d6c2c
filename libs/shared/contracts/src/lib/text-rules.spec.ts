import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsOptional, IsString, validateSync, ValidateNested } from 'class-validator';
import { hasNul, multiLineProblem, NotBlank, RequiredObject, SingleLine, singleLineProblem } from './text-rules';

class Inner {
  @IsString()
  a!: string;
}
class Tags {
  @IsString({ each: true }) @SingleLine('标签', { each: true })
  tags!: string[];
}
class Dto {
  @IsString({ message: '请填写名称' }) @NotBlank('名称') @SingleLine('名称')
  name!: string;
  @IsOptional() @NotBlank('备注') @SingleLine('备注')
  note?: string;
  @RequiredObject('预算执行') @ValidateNested() @Type(() => Inner)
  inner!: Inner;
}

const errors = (plain: object) =>
  validateSync(plainToInstance(Dto, plain)).flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));

describe('text rules', () => {
  it('single line: no line breaks, tabs, control or bidi characters; everything else as typed', () => {
    expect(singleLineProblem('财政项目（2027）— A&B “引号” 😀 ١٢٣', '名称')).toBeNull();
    expect(singleLineProblem('a\nb', '名称')).toBe('名称不能换行（不能包含回车或换行符）');
    expect(singleLineProblem('a\rb', '名称')).toBe('名称不能换行（不能包含回车或换行符）');
    expect(singleLineProblem('a\u2028b', '名称')).toBe('名称不能换行（不能包含回车或换行符）');
    expect(singleLineProblem('a\tb', '名称')).toBe('名称不能包含制表符');
    expect(singleLineProblem('a\u001bb', '名称')).toBe('名称含有不可见的控制字符，请删除后重试');
    expect(singleLineProblem('a\u0000', '名称')).toBe('名称含有空字符（U+0000），请删除后重试');
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(singleLineProblem(`x${c}y`, '名称')).toBe('名称含有改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069），请删除后重试');
    }
    expect(singleLineProblem(12, '名称')).toBeNull();
  });

  it('multi line: line breaks and tabs kept, other control characters refused', () => {
    expect(multiLineProblem('第一段\r\n\t第二段\u202e', '概况')).toBeNull();
    expect(multiLineProblem('a\u0007', '概况')).toBe('概况含有不可见的控制字符，请删除后重试');
    expect(hasNul('a\u0000')).toBe(true);
    expect(hasNul('a0')).toBe(false);
  });

  it('as decorators: blank names, bidi names and a missing nested object each refused with the field named', () => {
    expect(errors({ name: '项目', inner: { a: 'x' } })).toEqual([]);
    expect(errors({ name: '   ', inner: { a: 'x' } })).toEqual(['name: 请填写名称']);
    expect(errors({ name: 'a\u202eb', note: '\n', inner: { a: 'x' } })).toEqual([
      'name: 名称含有改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069），请删除后重试',
      'note: 备注不能换行（不能包含回车或换行符）',
      'note: 请填写备注',
    ]);
    expect(errors({ name: 'x' })).toEqual(['inner: 请填写预算执行', 'inner: 预算执行须为对象']);
    expect(errors({ name: 'x', inner: [] })).toEqual(['inner: 预算执行须为对象']);
  });

  it('with each: names the problem of the element that has one', () => {
    const errs = validateSync(plainToInstance(Tags, { tags: ['好', '坏\n'] }));
    expect(errs.map((e) => e.constraints)).toEqual([{ singleLine: '标签不能换行（不能包含回车或换行符）' }]);
  });
});
