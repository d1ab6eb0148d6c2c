import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { Org } from './entities/org.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, Org])],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: BearerAuthGuard }],
  exports: [AuthService, TypeOrmModule],
})
export class AuthModule {}
