import { createHash, createHmac } from 'node:crypto';

/** The payload hash of a streamed body that is not signed (S3 accepts it over TLS or a private network). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

export interface SigV4Credentials {
  accessKey: string;
  secretKey: string;
  region: string;
  service?: string;
}

export interface SigV4Request {
  method: string;
  /** The path as sent (already URI-encoded, S3 style: '/' kept). */
  path: string;
  /** Query parameters (their canonical form is sorted and encoded here). */
  query?: Record<string, string>;
  /** Header names in any case; `host` must be among them. */
  headers: Record<string, string>;
  payloadHash: string;
}

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/**
 * AWS Signature Version 4 of one request (the `Authorization` header), as S3 and MinIO check it:
 * docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html.
 */
export function signV4(req: SigV4Request, creds: SigV4Credentials, at: Date): { authorization: string; amzDate: string } {
  const amzDate = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const service = creds.service ?? 's3';
  const scope = `${day}/${creds.region}/${service}/aws4_request`;
  const headers = Object.entries({ ...req.headers, 'x-amz-date': amzDate })
    .map(([k, v]) => [k.toLowerCase(), String(v).trim().replace(/\s+/g, ' ')] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([k]) => k).join(';');
  const query = Object.entries(req.query ?? {})
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .sort()
    .join('&');
  const canonical = [req.method, req.path, query, headers.map(([k, v]) => `${k}:${v}\n`).join(''), signedHeaders, req.payloadHash].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${creds.secretKey}`, day), creds.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
  return { authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKey}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`, amzDate };
}
