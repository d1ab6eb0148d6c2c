import express from 'express';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import * as zlib from 'node:zlib';
import { compressedStatic, pickEncoding } from './static-assets';

describe('pickEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['BR', 'br'],
    ['*', 'br'],
    ['*;q=0, gzip', 'gzip'],
    ['identity', null],
    ['', null],
    [undefined, null],
  ])('%p → %p', (accept, expected) => {
    expect(pickEncoding(accept)).toBe(expected);
  });
});

describe('compressedStatic', () => {
  let dir: string;
  let app: express.Express;
  const big = `console.log(${JSON.stringify('绩效目标'.repeat(2000))});\n`;
  const html = `<!doctype html><html><head><title>x</title></head><body>${'<p>首页</p>'.repeat(300)}</body></html>`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-static-'));
    fs.writeFileSync(path.join(dir, 'main-ABCD1234.js'), big);
    fs.writeFileSync(path.join(dir, 'styles.css'), `body{color:red}\n`.repeat(200));
    fs.writeFileSync(path.join(dir, 'tiny.js'), 'export {};\n');
    fs.writeFileSync(path.join(dir, 'index.html'), html);
    const compressed = compressedStatic(dir);
    expect(await compressed.ready).toBe(3); // tiny.js is below the minimum size
    app = express();
    app.use(compressed, express.static(dir, { index: false }));
    app.get('/{*rest}', (req, res) => {
      if (!compressed.sendIndex(req, res)) res.sendFile(path.join(dir, 'index.html'));
    });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The bytes as sent (supertest and fetch would decompress them). */
  const rawGet = (url: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const server = app.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        http
          .get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => server.close(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })));
          })
          .on('error', reject);
      });
    });

  it('answers brotli to a browser, the same bytes decompressed, cached for a year when the name is hashed', async () => {
    const res = await rawGet('/main-ABCD1234.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['vary']).toBe('Accept-Encoding');
    const body = res.body;
    expect(body.length).toBeLessThan(Buffer.byteLength(big) / 10);
    expect(Number(res.headers['content-length'])).toBe(body.length);
    expect(zlib.brotliDecompressSync(body).toString('utf8')).toBe(big);
  });

  it('answers gzip to a client without brotli; an unhashed name is cached for an hour', async () => {
    const res = await rawGet('/styles.css', { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(`body{color:red}\n`.repeat(200));
  });

  it('leaves identity clients, small files and unknown paths to express.static', async () => {
    const plain = await request(app).get('/main-ABCD1234.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(big);
    const tiny = await request(app).get('/tiny.js').set('Accept-Encoding', 'br');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.text).toBe('export {};\n');
  });

  it('answers 304 to the ETag of the same encoding only, and HEAD without a body', async () => {
    const first = await request(app).get('/main-ABCD1234.js').set('Accept-Encoding', 'br');
    const etag = first.headers['etag'];
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    const again = await request(app).get('/main-ABCD1234.js').set('Accept-Encoding', 'br').set('If-None-Match', `"other", ${etag}`);
    expect(again.status).toBe(304);
    const otherEncoding = await request(app).get('/main-ABCD1234.js').set('Accept-Encoding', 'gzip').set('If-None-Match', etag);
    expect(otherEncoding.status).toBe(200);
    expect(otherEncoding.headers['content-encoding']).toBe('gzip');
    const head = await request(app).head('/main-ABCD1234.js').set('Accept-Encoding', 'br');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(Number(first.headers['content-length']));
  });

  it('serves index.html compressed for a route of the app, never cached without revalidation', async () => {
    const res = await rawGet('/projects/123', { 'Accept-Encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(zlib.brotliDecompressSync(res.body).toString('utf8')).toBe(html);
  });
});
