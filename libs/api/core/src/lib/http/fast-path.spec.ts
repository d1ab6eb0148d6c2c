import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerJson, installFastPath, type FastPath } from './fast-path';

/** A server whose own handler answers "usual", with `fastPath` installed in front of it. */
async function serve(fastPath: FastPath): Promise<{ server: Server; get(path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> }> {
  const server = createServer((_req, res) => res.end('usual'));
  installFastPath(server, fastPath);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const get = (path: string) =>
    new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
      request({ port, path, host: '127.0.0.1' }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      })
        .on('error', reject)
        .end();
    });
  return { server, get };
}

describe('installFastPath', () => {
  it('answers what the fast path answers, and forwards the rest — declined, declined later, or failed', async () => {
    const { server, get } = await serve((req, res) => {
      if (req.url === '/fast') {
        answerJson(req, res, process.hrtime.bigint(), Buffer.from('{"ok":"快"}'));
        return true;
      }
      if (req.url === '/later') return Promise.resolve(false);
      if (req.url === '/fails') return Promise.reject(new Error('boom'));
      if (req.url === '/throws') throw new Error('boom');
      return false;
    });
    try {
      const fast = await get('/fast');
      expect(fast).toMatchObject({ status: 200, body: '{"ok":"快"}' });
      // the API's headers: JSON in UTF-8 with its byte length, no caching, the security headers
      expect(fast.headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength('{"ok":"快"}')),
        'cache-control': 'no-store',
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
      });
      expect(fast.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      for (const path of ['/other', '/later', '/fails', '/throws']) expect(await get(path)).toMatchObject({ status: 200, body: 'usual' });
    } finally {
      server.close();
    }
  });
});
