import { ApiHttpException } from '@pt/api/core';
import { inflateRawSync } from 'node:zlib';

/**
 * An uploaded .xlsx is a ZIP archive that exceljs unpacks whole into memory (about eight times the unpacked size
 * again as its model). Before it does, the archive is read here: its central directory (the sizes it claims) and
 * then every entry inflated once, each bounded by its claimed size, so an archive that lies about its sizes is
 * caught too. A workbook of this system with hundreds of declarations stays far below both limits.
 */
export const XLSX_MAX_UNPACKED = 20 * 1024 * 1024;
export const XLSX_MAX_ENTRIES = 2000;

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export interface ZipLimitProblem {
  status: 400 | 413;
  message: string;
}

const invalid = (): ZipLimitProblem => ({ status: 400, message: '文件不是有效的 .xlsx 工作簿' });
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Why `buf` may not be unpacked, or null. */
export function zipLimitProblem(buf: Buffer, maxUnpacked = XLSX_MAX_UNPACKED, maxEntries = XLSX_MAX_ENTRIES): ZipLimitProblem | null {
  // the end-of-central-directory record: 22 bytes plus a comment of at most 65,535
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return invalid();
  const count = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 (more than 65,535 entries or 4 GB): never a workbook of ours
  if (count === 0xffff || cdOffset === 0xffffffff) return { status: 413, message: `工作簿过大：文件数超过 ${maxEntries} 个` };
  if (count > maxEntries) return { status: 413, message: `工作簿过大：包含 ${count} 个文件，上限 ${maxEntries} 个` };
  const entries: { method: number; compressed: number; size: number; local: number }[] = [];
  let total = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIG) return invalid();
    const entry = { method: buf.readUInt16LE(p + 10), compressed: buf.readUInt32LE(p + 20), size: buf.readUInt32LE(p + 24), local: buf.readUInt32LE(p + 42) };
    total += entry.size;
    if (total > maxUnpacked) return { status: 413, message: `工作簿解压后过大（超过 ${mb(maxUnpacked)}），请分成几个文件导入` };
    entries.push(entry);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  // the sizes claimed are checked against the data: no entry unpacks to more than it says
  for (const e of entries) {
    if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== LOCAL_SIG) return invalid();
    const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
    if (start + e.compressed > buf.length) return invalid();
    const data = buf.subarray(start, start + e.compressed);
    if (e.method === STORED) {
      if (e.compressed !== e.size) return invalid();
    } else if (e.method === DEFLATED) {
      try {
        if (inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) }).length !== e.size) return invalid();
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { status: 413, message: `工作簿解压后过大（超过其声明的大小），请分成几个文件导入` };
        return invalid();
      }
    } else {
      return invalid();
    }
  }
  return null;
}

/** Throws the 400 or 413 answer when the uploaded workbook may not be unpacked. A body that is no file is left to the import. */
export function assertXlsxWithinLimits(body: unknown): void {
  if (!Buffer.isBuffer(body) || body.length === 0) return;
  const problem = zipLimitProblem(body);
  if (problem) {
    const code = problem.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED';
    throw new ApiHttpException(problem.status, code, problem.message, [{ field: 'body', message: problem.message }]);
  }
}
