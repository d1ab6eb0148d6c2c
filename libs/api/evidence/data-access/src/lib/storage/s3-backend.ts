import { ApiHttpException, ConfigError } from '@pt/api/core';
import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import type { ObjectBackend, ObjectWriter, StoredObject } from './object-storage';
import { signV4, UNSIGNED_PAYLOAD, uriEncode, EMPTY_SHA256 } from './sigv4';

/** An S3-compatible store (MinIO, a cloud's object storage), path-style: `<endpoint>/<bucket>/<key>`. */
export interface S3Config {
  endpoint: URL;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

const ENV = ['ATTACHMENT_S3_ENDPOINT', 'ATTACHMENT_S3_BUCKET', 'ATTACHMENT_S3_ACCESS_KEY', 'ATTACHMENT_S3_SECRET_KEY'] as const;

/**
 * The S3 store of the environment, or null (PostgreSQL) when ATTACHMENT_S3_ENDPOINT is unset; a half-given or bad
 * configuration stops the server with the problems listed, as the rest of the configuration does.
 */
export function s3ConfigFrom(env: Record<string, string | undefined> = process.env): S3Config | null {
  if (!env['ATTACHMENT_S3_ENDPOINT']) return null;
  const problems = ENV.filter((k) => !env[k]).map((k) => `${k}: 设置了 ATTACHMENT_S3_ENDPOINT 时必须设置 (required with ATTACHMENT_S3_ENDPOINT)`);
  let endpoint: URL | null = null;
  try {
    endpoint = new URL(env['ATTACHMENT_S3_ENDPOINT']);
    if (!/^https?:$/.test(endpoint.protocol)) throw new Error('protocol');
  } catch {
    problems.push(`ATTACHMENT_S3_ENDPOINT=${JSON.stringify(env['ATTACHMENT_S3_ENDPOINT'])}: 须为 http(s):// 地址`);
  }
  if (problems.length || !endpoint) throw new ConfigError(problems);
  return {
    endpoint,
    bucket: env['ATTACHMENT_S3_BUCKET'] as string,
    accessKey: env['ATTACHMENT_S3_ACCESS_KEY'] as string,
    secretKey: env['ATTACHMENT_S3_SECRET_KEY'] as string,
    region: env['ATTACHMENT_S3_REGION'] || 'us-east-1',
  };
}

/**
 * Objects written with one streamed PUT (its Content-Length is the upload's, so S3 needs no buffering on either side;
 * the payload is UNSIGNED-PAYLOAD), read with a streamed GET, removed with DELETE. A minimal SigV4 client on
 * node:crypto: no SDK in the offline package set was needed for three calls.
 */
export class S3Backend implements ObjectBackend {
  readonly kind = 's3' as const;

  constructor(private readonly config: S3Config) {}

  writer(id: string, size: number | null): ObjectWriter {
    if (size === null) throw new ApiHttpException(411, 'LENGTH_REQUIRED', '上传到对象存储时须带 Content-Length 请求头（文件大小）');
    const key = `attachments/${id}`;
    const req = this.request('PUT', key, { 'content-length': String(size), 'content-type': 'application/octet-stream' }, UNSIGNED_PAYLOAD);
    const answered = answer(req);
    // an early refusal (bad credentials, no bucket) is reported by finish(); until then writes go nowhere harmful
    answered.catch(() => undefined);
    return {
      key,
      write: (chunk) => new Promise<void>((resolve, reject) => (req.write(chunk, (e) => (e ? reject(e) : resolve())))),
      async finish() {
        req.end();
        const res = await answered;
        res.resume();
        if (res.statusCode !== 200) throw new Error(`S3 PUT ${key}: HTTP ${res.statusCode}`);
      },
      abort: async () => {
        req.destroy();
        await this.remove({ id, storage: 's3', storageKey: key, size: 0 }).catch(() => undefined);
      },
    };
  }

  async open(obj: StoredObject): Promise<Readable> {
    const req = this.request('GET', this.keyOf(obj), {}, EMPTY_SHA256);
    req.end();
    const res = await answer(req);
    if (res.statusCode !== 200) {
      res.resume();
      throw new Error(`S3 GET ${obj.storageKey}: HTTP ${res.statusCode}`);
    }
    return res;
  }

  async remove(obj: StoredObject): Promise<void> {
    const req = this.request('DELETE', this.keyOf(obj), {}, EMPTY_SHA256);
    req.end();
    const res = await answer(req);
    res.resume();
    if (res.statusCode !== 204 && res.statusCode !== 200 && res.statusCode !== 404) throw new Error(`S3 DELETE ${obj.storageKey}: HTTP ${res.statusCode}`);
  }

  private keyOf(obj: StoredObject): string {
    if (!obj.storageKey) throw new Error(`attachment ${obj.id}: no S3 key`);
    return obj.storageKey;
  }

  private request(method: string, key: string, extra: Record<string, string>, payloadHash: string): http.ClientRequest {
    const c = this.config;
    const base = c.endpoint.pathname.replace(/\/$/, '');
    const path = `${base}/${uriEncode(c.bucket)}/${key.split('/').map(uriEncode).join('/')}`;
    const headers: Record<string, string> = { host: c.endpoint.host, 'x-amz-content-sha256': payloadHash, ...extra };
    const { authorization, amzDate } = signV4({ method, path, headers, payloadHash }, c, new Date());
    const client = c.endpoint.protocol === 'https:' ? https : http;
    return client.request({
      method,
      protocol: c.endpoint.protocol,
      hostname: c.endpoint.hostname,
      port: c.endpoint.port || undefined,
      path,
      headers: { ...headers, 'x-amz-date': amzDate, authorization },
    });
  }
}

function answer(req: http.ClientRequest): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
}
