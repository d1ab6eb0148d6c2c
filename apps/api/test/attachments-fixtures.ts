import { createHash, randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app';

/** A binary "PDF": the signature, every byte value, then random bytes across many stored pieces. */
export function binaryPdf(bytes = 3 * 1024 * 1024 + 12_345): Buffer {
  const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const head = Buffer.concat([Buffer.from('%PDF-1.7\n'), every]);
  return Buffer.concat([head, randomBytes(bytes - head.length)]);
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** POST `file` as an attachment to `url` (…/attachments?purpose=…), its name in X-File-Name; answers the pending request. */
export function uploadPdf(t: TestApp, auth: Record<string, string>, url: string, file: Buffer, name: string) {
  return t.http.post(url).set(auth).set('Content-Type', 'application/pdf').set('X-File-Name', encodeURIComponent(name)).send(file);
}

export const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const OLE2_HEAD = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * An upload sent chunked (no Content-Length), as a client that streams a file of unknown size does: the server can
 * only find the size while reading. Resolves with the status and the parsed answer.
 */
export async function chunkedUpload(t: TestApp, path: string, headers: Record<string, string>, pieces: number, piece: Buffer): Promise<{ status: number; body: { code?: string; message?: string } }> {
  const server: http.Server = t.app.getHttpServer();
  const listening = server.listening;
  if (!listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') }));
      });
      req.on('error', reject);
      let sent = 0;
      const more = () => {
        while (sent < pieces) {
          sent++;
          if (!req.write(piece)) return void req.once('drain', more);
        }
        req.end();
      };
      more();
    });
  } finally {
    if (!listening) await new Promise<void>((r) => server.close(() => r()));
  }
}
