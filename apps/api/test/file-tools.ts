import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Runs `fn` on a temporary file holding `data` (pdftotext and unzip cannot read a pipe); the file is removed after. */
export function withFile<T>(data: Buffer, ext: string, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-file-'));
  const file = path.join(dir, `x.${ext}`);
  fs.writeFileSync(file, data);
  try {
    return fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of a PDF, read back with pdftotext -layout (poppler-utils, installed by scripts/ensure-fonts.sh --test). */
export function pdfText(pdf: Buffer): string {
  return withFile(pdf, 'pdf', (f) => execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }));
}

/** `unzip` on a zip held in memory: the first of `args` (an option such as -p or -l) goes before the file, the rest after it. */
export function unzip(zip: Buffer, args: string[]): Buffer {
  return withFile(zip, 'zip', (f) => execFileSync('unzip', [...args.slice(0, 1), f, ...args.slice(1)]));
}

/** The body XML of a Word document. */
export function docxXml(docx: Buffer): string {
  return withFile(docx, 'docx', (f) => execFileSync('unzip', ['-p', f, 'word/document.xml'], { encoding: 'utf8' }));
}

/** The texts of a Word document's runs (from its body XML), joined. */
export function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
