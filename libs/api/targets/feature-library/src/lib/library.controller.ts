import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '@pt/api/auth';
import {
  CreateLibraryIndicatorDto,
  type LibraryIndicator,
  type LibraryPage,
  ListLibraryQueryDto,
  UpdateLibraryIndicatorDto,
  type UserSummary,
} from '@pt/shared/contracts';
import { withEtag } from '@pt/api/core';
import type { Response } from 'express';
import { LibraryService } from './library.service';

@ApiTags('indicator-library')
@ApiBearerAuth()
@Controller('indicator-library')
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Get()
  list(@Query() q: ListLibraryQueryDto): Promise<LibraryPage> {
    return this.library.list(q);
  }

  @Get(':id')
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<LibraryIndicator> {
    return withEtag(res, await this.library.get(id));
  }

  @Post()
  create(@CurrentUser() user: UserSummary, @Body() dto: CreateLibraryIndicatorDto): Promise<LibraryIndicator> {
    return this.library.create(user, dto);
  }

  @Patch(':id')
  @ApiHeader({ name: 'If-Match', required: true })
  async update(
    @CurrentUser() user: UserSummary,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateLibraryIndicatorDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LibraryIndicator> {
    return withEtag(res, await this.library.update(user, id, ifMatch, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiHeader({ name: 'If-Match', required: true })
  async remove(@CurrentUser() user: UserSummary, @Param('id') id: string, @Headers('if-match') ifMatch: string | undefined): Promise<void> {
    await this.library.remove(user, id, ifMatch);
  }
}
