import { ATTACHMENT_TYPES } from '@pt/shared/api-types';

/** The first bytes each allowed extension's content must begin with. */
const PDF = [Buffer.from('%PDF-')];
// a zip's local file header, or the end record of an empty archive (OFD, docx and xlsx are zip containers)
const ZIP = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];
// the OLE2 compound document of the old Word and Excel formats
const OLE2 = [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])];
const JPEG = [Buffer.from([0xff, 0xd8, 0xff])];
const PNG = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];

const MAGIC: Readonly<Record<string, readonly Buffer[]>> = {
  pdf: PDF,
  ofd: ZIP,
  jpg: JPEG,
  jpeg: JPEG,
  png: PNG,
  doc: OLE2,
  xls: OLE2,
  docx: ZIP,
  xlsx: ZIP,
  zip: ZIP,
};

/** Bytes needed to decide (the longest signature). */
export const MAGIC_BYTES = 8;

/** Whether the extension is on the allow-list (the API's and the web's one list). */
export function allowedExtension(ext: string): boolean {
  return Object.hasOwn(ATTACHMENT_TYPES, ext) && Object.hasOwn(MAGIC, ext);
}

/** Whether `head` (the first bytes of the content, at least MAGIC_BYTES unless the file is shorter) fits the extension. */
export function contentMatches(ext: string, head: Buffer): boolean {
  const signatures = MAGIC[ext];
  return !!signatures && signatures.some((s) => head.length >= s.length && head.subarray(0, s.length).equals(s));
}
