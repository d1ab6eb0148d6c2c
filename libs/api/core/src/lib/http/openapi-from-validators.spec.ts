import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { documentValidatedDtos } from './openapi-from-validators';

class Row {
  @IsString({ message: '名称必须是文本' }) @MaxLength(10, { message: '名称最多 10 个字符' })
  name!: string;
}
class Base {
  @IsOptional() @IsUUID('all', { message: '单位 orgId 无效' })
  orgId?: string | null;
}
class Body extends Base {
  @Type(() => Number) @IsInt({ message: '年度须为整数' }) @Min(2000, { message: '年度不早于 2000' })
  year!: number;
  @IsIn(['a', 'b'], { message: '类型须为 a 或 b' })
  kind!: string;
  @IsArray() @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => Row)
  rows!: Row[];
  @ValidateIf((_o, v) => v !== undefined) @IsString({ each: true }) @MaxLength(5, { each: true })
  tags?: string[];
}

/** What ApiProperty recorded for one property (the metadata Nest's swagger explorer reads). */
const documented = (cls: { prototype: object }, key: string) => Reflect.getMetadata('swagger/apiModelProperties', cls.prototype, key);

describe('documentValidatedDtos', () => {
  beforeAll(() => documentValidatedDtos());

  it('takes the type, limits and required-ness of a property from its rules, messages in the written order', () => {
    expect(documented(Body, 'year')).toMatchObject({ type: 'integer', minimum: 2000, required: true, description: '年度须为整数；年度不早于 2000' });
    expect(documented(Body, 'kind')).toMatchObject({ type: 'string', enum: ['a', 'b'], required: true });
    expect(documented(Row, 'name')).toMatchObject({ type: 'string', maxLength: 10, required: true });
  });

  it('documents nested arrays by their @Type class, and rules with `each` on the items', () => {
    expect(documented(Body, 'rows')).toMatchObject({ type: Row, isArray: true, maxItems: 3, required: true });
    expect(documented(Body, 'tags')).toMatchObject({ type: 'string', isArray: true, maxLength: 5, required: false });
    // @ValidateIf (PATCH fields) may be left out but is never null; @IsOptional accepts null
    expect(documented(Body, 'tags').nullable).toBeUndefined();
    expect(documented(Base, 'orgId')).toMatchObject({ type: 'string', format: 'uuid', required: false, nullable: true });
  });

  it('lists inherited properties on the subclass, and documents each class once', () => {
    const listed = Reflect.getMetadata('swagger/apiModelPropertiesArray', Body.prototype) as string[];
    expect(listed).toEqual(expect.arrayContaining([':orgId', ':year', ':kind', ':rows', ':tags']));
    expect(documentValidatedDtos()).toBe(0);
  });
});
