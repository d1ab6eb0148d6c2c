import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiHttpException, AuditService, badRequest, UUID_RE, type PickRow } from '@pt/api/core';
import { TargetStore, type ProjectRow } from '@pt/api/targets/data-access';
import { hasRole, type RectificationStatus } from '@pt/domain';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type Attachment, type AttachmentEditRights, type AttachmentPurpose } from '@pt/shared/api-types';
import type { UserSummary } from '@pt/shared/contracts';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { editRights, lockRefusal, type LockState } from './attachment-locks';
import type { AttachmentEntity } from './entities/attachment.entity';
import { contentMatches, MAGIC_BYTES } from './file-types';
import { AttachmentBackends } from './storage/backends';
import type { StoredObject } from './storage/object-storage';
import { checkDeclaredSize, checkFileName, checkIndicatorId, checkPurpose, checkRectificationId, tooLarge, wrongType } from './upload-checks';

type AttachmentRow = PickRow<AttachmentEntity, 'id' | 'project_id' | 'indicator_id' | 'rectification_id' | 'purpose' | 'name' | 'content_type' | 'sha256' | 'storage' | 'storage_key' | 'created_by_name'> & {
  size: string;
  created_at: Date;
};
const COLUMNS = 'id, project_id, indicator_id, rectification_id, purpose, name, content_type, size::text AS size, sha256, storage, storage_key, created_at, created_by_name';

/** What an upload request carries besides the user and the target (the controller passes it as it came). */
export interface UploadRequest {
  purpose: unknown;
  indicatorId: unknown;
  /** The 整改通知 a rectification file answers (required for that purpose, refused for the others). */
  rectificationId: unknown;
  fileName: string | string[] | undefined;
  contentLength: string | undefined;
  body: Readable;
}

/** An opened file: its row and its bytes, as a stream. */
export interface OpenedAttachment {
  attachment: Attachment;
  stream: Readable;
}

/** An upload still 'uploading' after this long was cut off by a crash: its row and pieces are removed. */
const STALE_UPLOAD = '1 hour';

/**
 * 佐证材料 of a target: visible exactly as the target is (TargetStore.findVisible: another organisation's is a 404);
 * a 填报人 who sees the target uploads and deletes. The bytes go through in pieces (never the whole file in memory),
 * measured (20 MB), hashed (SHA-256) and checked against the name's type (the first bytes) on the way.
 */
@Injectable()
export class AttachmentStore implements OnApplicationBootstrap {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetStore,
    private readonly audit: AuditService,
    private readonly backends: AttachmentBackends,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const stale: AttachmentRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM attachment WHERE state = 'uploading' AND created_at < now() - interval '${STALE_UPLOAD}'`);
    for (const r of stale) await this.discard(r.id, objectOf(r));
  }

  async list(user: UserSummary, targetId: string): Promise<Attachment[]> {
    await this.targets.findVisible(user, targetId);
    const rows: AttachmentRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM attachment WHERE project_id = $1 AND state = 'stored' ORDER BY created_at, id`, [targetId]);
    return rows.map(toAttachment);
  }

  async upload(user: UserSummary, targetId: string, req: UploadRequest): Promise<Attachment> {
    const target = await this.targets.findVisible(user, targetId);
    if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有项目所属单位的填报人可以上传佐证材料');
    const purpose = checkPurpose(req.purpose);
    const indicatorId = checkIndicatorId(req.indicatorId);
    const rectificationId = checkRectificationId(req.rectificationId, purpose);
    const locks = await this.lockState(target);
    if (rectificationId && !locks.rectifications.has(rectificationId)) throw badRequest([{ field: 'rectificationId', message: '该整改通知不属于本目标' }]);
    this.assertUnlocked(locks, purpose, rectificationId);
    if (indicatorId) await this.requireIndicator(targetId, indicatorId);
    const { name, ext } = checkFileName(req.fileName);
    const declared = checkDeclaredSize(req.contentLength);
    const id = randomUUID();
    const backend = this.backends.current;
    const writer = backend.writer(id, declared);
    await this.dataSource.query(
      `INSERT INTO attachment (id, project_id, indicator_id, rectification_id, purpose, name, content_type, storage, storage_key, created_by, created_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [id, targetId, indicatorId, rectificationId, purpose, name, ATTACHMENT_TYPES[ext], backend.kind, writer.key, user.id, user.displayName],
    );
    try {
      const hash = createHash('sha256');
      let size = 0;
      // the first bytes, until there are enough to check the type (then null)
      let head: Buffer | null = Buffer.alloc(0);
      // the stream is not destroyed when a refusal stops the loop: the rest of the body is drained and the answer read
      for await (const chunk of req.body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > ATTACHMENT_MAX_BYTES) throw tooLarge();
        if (head) {
          head = Buffer.concat([head, chunk.subarray(0, MAGIC_BYTES)]).subarray(0, MAGIC_BYTES);
          if (head.length >= MAGIC_BYTES) {
            if (!contentMatches(ext, head)) throw wrongType(`内容不是 .${ext} 文件`);
            head = null;
          }
        }
        hash.update(chunk);
        await writer.write(chunk);
      }
      if (size === 0) throw badRequest([{ field: 'file', message: '文件为空' }]);
      if (head && !contentMatches(ext, head)) throw wrongType(`内容不是 .${ext} 文件`);
      await writer.finish();
      const sha256 = hash.digest('hex');
      await this.dataSource.transaction(async (m) => {
        await m.query(`UPDATE attachment SET state = 'stored', size = $2, sha256 = $3 WHERE id = $1`, [id, size, sha256]);
        await this.audit.record(
          { event: 'attachment.upload', result: 'ok', objectType: 'project', objectId: targetId, objectName: target.name, status: 201, details: { attachmentId: id, name, size, sha256, purpose } },
          m,
        );
      });
    } catch (e) {
      await writer.abort().catch((err: Error) => this.logger.warn({ msg: 'abort failed', id, error: err.message }));
      await this.dataSource.query(`DELETE FROM attachment WHERE id = $1`, [id]);
      if (e instanceof ApiHttpException) throw e;
      if (req.body.errored || !req.body.readableEnded) throw new ApiHttpException(400, 'UPLOAD_ABORTED', '上传中断，文件未保存，请重新上传');
      throw e;
    }
    return this.get(id);
  }

  /** The file and its bytes; the download is audited. */
  async open(user: UserSummary, id: string): Promise<OpenedAttachment> {
    const { row } = await this.visibleRow(user, id);
    const stream = await this.backends.of(objectOf(row)).open(objectOf(row));
    await this.dataSource.transaction((m) =>
      this.audit.record({ event: 'attachment.download', result: 'ok', objectType: 'attachment', objectId: id, objectName: row.name, status: 200, details: { targetId: row.project_id, size: Number(row.size), sha256: row.sha256 } }, m),
    );
    return { attachment: toAttachment(row), stream };
  }

  async remove(user: UserSummary, id: string): Promise<void> {
    const { row, target } = await this.visibleRow(user, id);
    if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有项目所属单位的填报人可以删除佐证材料');
    this.assertUnlocked(await this.lockState(target), row.purpose, row.rectification_id);
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM attachment WHERE id = $1`, [id]);
      await this.audit.record({ event: 'attachment.delete', result: 'ok', objectType: 'attachment', objectId: id, objectName: row.name, status: 204, details: { targetId: row.project_id, sha256: row.sha256 } }, m);
    });
    // the pieces in PostgreSQL went with the row; an S3 object is removed after the commit
    if (row.storage === 's3') await this.backends.of(objectOf(row)).remove(objectOf(row)).catch((e: Error) => this.logger.error({ msg: 'S3 delete failed', id, error: e.message }));
  }

  /** Which files the user may add or remove now (nothing for a user who is not a 填报人). */
  async rights(user: UserSummary, targetId: string): Promise<AttachmentEditRights> {
    const target = await this.targets.findVisible(user, targetId);
    if (!hasRole(user, 'filler')) return { declaration: false, monitoring: false, evaluation: false, rectifications: [] };
    return editRights(await this.lockState(target));
  }

  /**
   * The files of targets the caller has already read with the user's visibility (a batch export), and a way to open
   * each when it is its turn (one stream at a time).
   */
  async ofTargets(targetIds: readonly string[]): Promise<(Attachment & { targetId: string; open(): Promise<Readable> })[]> {
    if (!targetIds.length) return [];
    const rows: AttachmentRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM attachment WHERE project_id = ANY($1::uuid[]) AND state = 'stored' ORDER BY created_at, id`, [targetIds]);
    return rows.map((r) => ({ ...toAttachment(r), targetId: r.project_id, open: () => this.backends.of(objectOf(r)).open(objectOf(r)) }));
  }

  private async get(id: string): Promise<Attachment> {
    const [row]: AttachmentRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM attachment WHERE id = $1`, [id]);
    return toAttachment(row);
  }

  /** The stored file and its target, when the user sees the target (otherwise the same 404 as a missing file). */
  private async visibleRow(user: UserSummary, id: string): Promise<{ row: AttachmentRow; target: ProjectRow }> {
    const notFound = () => new ApiHttpException(404, 'NOT_FOUND', '附件不存在或无权查看');
    if (!UUID_RE.test(id)) throw notFound();
    const [row]: AttachmentRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM attachment WHERE id = $1 AND state = 'stored'`, [id]);
    if (!row) throw notFound();
    try {
      return { row, target: await this.targets.findVisible(user, row.project_id) };
    } catch (e) {
      if (e instanceof ApiHttpException && e.getStatus() === 404) throw notFound();
      throw e;
    }
  }

  /** The statuses the locks are decided from, in one query. */
  private async lockState(target: ProjectRow): Promise<LockState> {
    const rows: { evaluation: LockState['evaluation'] | null; id: string | null; status: RectificationStatus | null }[] = await this.dataSource.query(
      `SELECT (SELECT status FROM project_evaluation WHERE project_id = $1) AS evaluation, r.id, r.status
         FROM (SELECT 1) one LEFT JOIN rectification r ON r.project_id = $1`,
      [target.id],
    );
    const rectifications = new Map<string, RectificationStatus>();
    for (const r of rows) if (r.id && r.status) rectifications.set(r.id, r.status);
    return { target, evaluation: rows[0]?.evaluation ?? 'draft', rectifications };
  }

  private assertUnlocked(locks: LockState, purpose: AttachmentPurpose, rectificationId: string | null): void {
    const refusal = lockRefusal(locks, purpose, rectificationId);
    if (refusal) throw refusal;
  }

  private async requireIndicator(targetId: string, indicatorId: string): Promise<void> {
    const [found] = await this.dataSource.query(`SELECT 1 FROM indicator i JOIN project_goal g ON g.id = i.goal_id WHERE g.project_id = $1 AND i.id = $2`, [targetId, indicatorId]);
    if (!found) throw badRequest([{ field: 'indicatorId', message: '该指标不在本项目的绩效目标表中' }]);
  }

  private async discard(id: string, obj: StoredObject): Promise<void> {
    await this.backends.of(obj).remove(obj).catch(() => undefined);
    await this.dataSource.query(`DELETE FROM attachment WHERE id = $1`, [id]);
  }
}

function objectOf(r: AttachmentRow): StoredObject {
  return { id: r.id, storage: r.storage, storageKey: r.storage_key, size: Number(r.size) };
}

function toAttachment(r: AttachmentRow): Attachment {
  return {
    id: r.id,
    name: r.name,
    size: Number(r.size),
    sha256: r.sha256 ?? '',
    contentType: r.content_type,
    purpose: r.purpose,
    indicatorId: r.indicator_id,
    rectificationId: r.rectification_id,
    createdAt: new Date(r.created_at).toISOString(),
    createdBy: r.created_by_name,
  };
}
