import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { Year } from './field-rules';

/** GET /api/reports/target-setting?year=&orgId= */
export class TargetSettingQueryDto {
  @Year()
  year!: number;
  @IsOptional() @IsUUID('all', { message: '单位 orgId 无效' })
  orgId?: string;
}

/** GET /api/reports/target-setting/export?year=&orgId=&format=xlsx */
export class TargetSettingExportQueryDto extends TargetSettingQueryDto {
  @IsOptional() @IsIn(['xlsx'], { message: '格式 format 须为 xlsx' })
  format?: 'xlsx';
}
