import { ApiHttpException, badRequest, UUID_RE } from '@pt/api/core';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_NAME_HEADER, ATTACHMENT_PURPOSES, ATTACHMENT_SIZE_MESSAGE, ATTACHMENT_TYPE_MESSAGE, type AttachmentPurpose, fileExtension } from '@pt/shared/api-types';
import { BIDI_CONTROLS } from '@pt/shared/contracts';
import { allowedExtension } from './file-types';

/** The longest file name kept (the column's length). */
export const MAX_NAME_LENGTH = 200;

export const tooLarge = () => new ApiHttpException(413, 'PAYLOAD_TOO_LARGE', ATTACHMENT_SIZE_MESSAGE);
export const wrongType = (detail?: string) => new ApiHttpException(415, 'UNSUPPORTED_MEDIA_TYPE', detail ? `${ATTACHMENT_TYPE_MESSAGE}（${detail}）` : ATTACHMENT_TYPE_MESSAGE);

/** The query's `purpose` (required, one of the four). */
export function checkPurpose(value: unknown): AttachmentPurpose {
  if (typeof value === 'string' && (ATTACHMENT_PURPOSES as readonly string[]).includes(value)) return value as AttachmentPurpose;
  throw badRequest([{ field: 'purpose', message: `用途须为 ${ATTACHMENT_PURPOSES.join('、')} 之一` }]);
}

/** The query's `indicatorId` (optional; its membership of the target is the store's check). */
export function checkIndicatorId(value: unknown): string | null {
  if (value === undefined || value === '') return null;
  if (typeof value === 'string' && UUID_RE.test(value)) return value;
  throw badRequest([{ field: 'indicatorId', message: '指标 ID 格式不正确' }]);
}

/** The query's `rectificationId`: the notice a rectification file answers (required there, refused elsewhere). */
export function checkRectificationId(value: unknown, purpose: AttachmentPurpose): string | null {
  const given = value !== undefined && value !== '';
  if (purpose !== 'rectification') {
    if (given) throw badRequest([{ field: 'rectificationId', message: '只有整改佐证材料可以指定整改通知' }]);
    return null;
  }
  if (!given) throw badRequest([{ field: 'rectificationId', message: '请指定该材料答复的整改通知' }]);
  if (typeof value === 'string' && UUID_RE.test(value)) return value;
  throw badRequest([{ field: 'rectificationId', message: '整改通知 ID 格式不正确' }]);
}

/**
 * The file's name from its header (UTF-8, percent-encoded), as the user named it: only a path before it is dropped
 * (old browsers sent one); a name that cannot be kept as it is is refused with the reason, never changed silently.
 */
export function checkFileName(header: string | string[] | undefined): { name: string; ext: string } {
  const field = ATTACHMENT_NAME_HEADER;
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) throw badRequest([{ field, message: `缺少文件名（${field} 请求头，UTF-8 百分号编码）` }]);
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw badRequest([{ field, message: '文件名须为 UTF-8 百分号编码（encodeURIComponent）' }]);
  }
  const name = decoded.split(/[/\\]/).pop()?.trim() ?? '';
  if (!name) throw badRequest([{ field, message: '文件名不能为空' }]);
  // eslint's no-control-regex forbids the range in a literal: the code points are compared instead
  if ([...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) || BIDI_CONTROLS.test(name)) {
    throw badRequest([{ field, message: '文件名含有控制字符或改变文字方向的字符，请重命名后再上传' }]);
  }
  if ([...name].length > MAX_NAME_LENGTH) throw badRequest([{ field, message: `文件名过长（最多 ${MAX_NAME_LENGTH} 个字符），请重命名后再上传` }]);
  const ext = fileExtension(name);
  if (!allowedExtension(ext)) throw wrongType(ext ? `扩展名 .${ext}` : '文件名没有扩展名');
  return { name, ext };
}

/** The request's Content-Length when it gave one; over the limit is a 413 before a byte is read. */
export function checkDeclaredSize(header: string | undefined): number | null {
  if (header === undefined || !/^\d+$/.test(header)) return null;
  const size = Number(header);
  if (size > ATTACHMENT_MAX_BYTES) throw tooLarge();
  return size;
}
