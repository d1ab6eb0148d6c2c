import { Module } from '@nestjs/common';
import { AuthModule } from '@pt/api/auth';
import { AuthController } from './auth.controller';

/** 登录、退出、修改密码、当前用户 (/api/auth/*): the HTTP face of AuthService. */
@Module({
  imports: [AuthModule],
  controllers: [AuthController],
})
export class SessionModule {}
