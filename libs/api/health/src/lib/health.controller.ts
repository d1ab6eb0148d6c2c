import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@pt/api/core';
import { ApiRoutes, type HealthResponse } from '@pt/shared/contracts';
import type { Response } from 'express';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller(ApiRoutes.health)
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: '{ "status": "ok", "db": "up" }' })
  @ApiServiceUnavailableResponse({ description: '{ "status": "error", "db": "down" }' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const up = await this.health.databaseUp();
    if (!up) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return up ? { status: 'ok', db: 'up' } : { status: 'error', db: 'down' };
  }
}
