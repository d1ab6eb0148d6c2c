import { Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { contentDisposition } from '@pt/api/core';
import { AttachmentStore } from '@pt/api/evidence/data-access';
import { ApiRoutes, type Attachment, type AttachmentEditRights, ATTACHMENT_NAME_HEADER } from '@pt/shared/api-types';
import type { UserSummary } from '@pt/shared/contracts';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { drainRefused } from './drain';

const ofTarget = [`${ApiRoutes.targets}/:id/${ApiRoutes.project.attachments}`, `${ApiRoutes.projects}/:id/${ApiRoutes.project.attachments}`];

/** 佐证材料: a target's files (upload, list) and one file by its id (download, delete). */
@SecuredController('/', { tag: 'attachments' })
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentStore) {}

  @Get(ofTarget)
  @ApiResponse({ status: 200, description: '该目标的佐证材料（名称、大小、SHA-256、类型、用途、所属指标）' })
  list(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<Attachment[]> {
    return this.attachments.list(user, id);
  }

  /** Which files the caller may add or remove now: the page shows upload and delete from this, the writes check the same rule. */
  @Get(ofTarget.map((r) => `${r}/${ApiRoutes.project.attachmentRights}`))
  @ApiResponse({ status: 200, description: '当前用户现在可以增删哪些佐证材料（申报、运行监控、自评，以及待整改的整改通知）' })
  rights(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<AttachmentEditRights> {
    return this.attachments.rights(user, id);
  }

  /** The body is the file itself, read here as a stream (the global body parsers leave this route alone). */
  @Post(ofTarget)
  @HttpCode(201)
  @ApiResponse({ status: 201, description: `已保存的文件；请求体为文件本身，${ATTACHMENT_NAME_HEADER} 为 UTF-8 百分号编码的文件名` })
  @ApiResponse({ status: 413, description: '文件超过 20 MB，未保存' })
  @ApiResponse({ status: 415, description: '文件类型（扩展名或内容）不在允许范围内，未保存' })
  @ApiResponse({ status: 409, description: '所属文书已锁定（已提交或已批复等），不能增删其佐证材料' })
  async upload(
    @CurrentUser() user: UserSummary,
    @Param('id') id: string,
    @Query('purpose') purpose: unknown,
    @Query('indicatorId') indicatorId: unknown,
    @Query('rectificationId') rectificationId: unknown,
    @Req() req: Request,
  ): Promise<Attachment> {
    try {
      return await this.attachments.upload(user, id, {
        purpose,
        indicatorId,
        rectificationId,
        fileName: req.headers[ATTACHMENT_NAME_HEADER.toLowerCase()],
        contentLength: req.headers['content-length'],
        body: req,
      });
    } finally {
      await drainRefused(req);
    }
  }

  @Get(`${ApiRoutes.attachments}/:id`)
  @ApiResponse({ status: 200, description: '文件本身（Content-Disposition 带 UTF-8 文件名）' })
  async download(@CurrentUser() user: UserSummary, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { attachment, stream } = await this.attachments.open(user, id);
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(attachment.size));
    res.setHeader('Content-Disposition', contentDisposition(attachment.name));
    res.setHeader('ETag', `"${attachment.sha256}"`);
    // an error after the first bytes can only cut the download short (pipeline destroys both ends)
    await pipeline(stream, res).catch(() => undefined);
  }

  @Delete(`${ApiRoutes.attachments}/:id`)
  @HttpCode(204)
  async remove(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<void> {
    await this.attachments.remove(user, id);
  }
}
