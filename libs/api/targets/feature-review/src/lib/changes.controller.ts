import { Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { lastReturn, TargetStore } from '@pt/api/targets/data-access';
import { ApiRoutes, type TargetChanges, type UserSummary } from '@pt/shared/contracts';
import type { Response } from 'express';

/** 自上次退回以来的修改: the target at its last return and now, for the review screen of any reviewer on any machine. */
@SecuredController([ApiRoutes.projects, ApiRoutes.targets], { tag: 'projects' })
export class ChangesController {
  constructor(private readonly targets: TargetStore) {}

  @Get(`:id/${ApiRoutes.project.changes}`)
  @ApiOkResponse({ description: '最近一次退回时的目标（before）与当前目标（after）；从未退回为 null' })
  async changes(@CurrentUser() user: UserSummary, @Param('id') id: string, @Res() res: Response): Promise<void> {
    res.json(await this.read(user, id));
  }

  /** Visible exactly as the target (404 otherwise); the snapshot is read only here, never on the detail GET. */
  private async read(user: UserSummary, id: string): Promise<TargetChanges | null> {
    const row = await this.targets.findVisible(user, id);
    const last = await lastReturn(this.targets.dataSource.manager, id);
    if (!last) return null;
    const after = await this.targets.toProject(user, row);
    return { returnedAt: new Date(last.at).toISOString(), returnedBy: last.userName, comment: last.comment, before: last.snapshot, after };
  }
}
