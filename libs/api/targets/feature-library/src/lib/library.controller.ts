import { Body, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CurrentUser, SecuredController, type VersionedWriteRef, WriteRef } from '@pt/api/auth';
import { Versioned, VersionedWrite } from '@pt/api/core';
import {
  ApiRoutes,
  CreateLibraryIndicatorDto,
  type LibraryIndicator,
  type LibraryPage,
  ListLibraryQueryDto,
  UpdateLibraryIndicatorDto,
  type UserSummary,
} from '@pt/shared/contracts';
import { LibraryService } from './library.service';

@SecuredController(ApiRoutes.indicatorLibrary, { tag: 'indicator-library' })
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Get()
  list(@Query() q: ListLibraryQueryDto): Promise<LibraryPage> {
    return this.library.list(q);
  }

  @Get(':id')
  @Versioned()
  get(@Param('id') id: string): Promise<LibraryIndicator> {
    return this.library.get(id);
  }

  @Post()
  create(@CurrentUser() user: UserSummary, @Body() dto: CreateLibraryIndicatorDto): Promise<LibraryIndicator> {
    return this.library.create(user, dto);
  }

  @Patch(':id')
  @VersionedWrite({ thing: '指标', description: '修改后的指标' })
  update(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: UpdateLibraryIndicatorDto): Promise<LibraryIndicator> {
    return this.library.update(user, id, ifMatch, dto);
  }

  @Delete(':id')
  @VersionedWrite({ thing: '指标', status: 204 })
  async remove(@WriteRef() { user, id, ifMatch }: VersionedWriteRef): Promise<void> {
    await this.library.remove(user, id, ifMatch);
  }
}
