/** 佐证材料 (evidence files) of a target: the upload's rules, read by the API (which enforces them) and the web (which says them first). */

/** What a file is evidence for: the declaration, a monitoring report, the self-evaluation or a rectification. */
export type AttachmentPurpose = 'declaration' | 'monitoring' | 'evaluation' | 'rectification';
export const ATTACHMENT_PURPOSES: readonly AttachmentPurpose[] = ['declaration', 'monitoring', 'evaluation', 'rectification'];
export const ATTACHMENT_PURPOSE_LABELS: Record<AttachmentPurpose, string> = {
  declaration: '申报',
  monitoring: '运行监控',
  evaluation: '绩效自评',
  rectification: '整改',
};

/** 20 MB per file (a larger upload is a 413, nothing stored). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The allowed types by the name's extension, with the Content-Type a download is served with. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/** The allow-list as people read it (messages, the upload button's hint). */
export const ATTACHMENT_TYPES_LABEL = 'PDF、OFD、JPG、PNG、Word（doc/docx）、Excel（xls/xlsx）、ZIP';
/** The refusal of a type outside the list (415). */
export const ATTACHMENT_TYPE_MESSAGE = `文件类型不允许：只能上传 ${ATTACHMENT_TYPES_LABEL} 文件`;
/** The refusal of a file over the limit (413). */
export const ATTACHMENT_SIZE_MESSAGE = `文件过大：每个文件不能超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`;
/** The request header carrying the file's name (UTF-8, percent-encoded). */
export const ATTACHMENT_NAME_HEADER = 'X-File-Name';

/** The lower-case extension of a file name ('' when none). */
export function fileExtension(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** One stored file (the answer of an upload, a row of the list). */
/** Which 佐证材料 of a target the caller may add or remove now (each purpose by its document's edit rule). */
export interface AttachmentEditRights {
  declaration: boolean;
  monitoring: boolean;
  evaluation: boolean;
  /** The 整改通知 whose files may change (those awaiting the unit's answer). */
  rectifications: string[];
}

export interface Attachment {
  id: string;
  name: string;
  size: number;
  /** Hex SHA-256 of the content, computed while it was received. */
  sha256: string;
  contentType: string;
  purpose: AttachmentPurpose;
  indicatorId: string | null;
  /** The 整改通知 a rectification file answers. */
  rectificationId: string | null;
  createdAt: string;
  createdBy: string | null;
}
