import type { Readable } from 'node:stream';

/** Where an attachment's bytes are: its row's `storage` and `storage_key`. */
export interface StoredObject {
  id: string;
  storage: 'pg' | 's3';
  storageKey: string | null;
  size: number;
}

/** Receives one upload's bytes in order; `abort` removes whatever was written. */
export interface ObjectWriter {
  /** The key the row keeps (null: PostgreSQL, where the attachment's id is the key). */
  readonly key: string | null;
  write(chunk: Buffer): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/** A backend of attachment bytes: written and read as streams, never the whole file in memory. */
export interface ObjectBackend {
  readonly kind: 'pg' | 's3';
  /** `size`: the request's Content-Length when it gave one. */
  writer(id: string, size: number | null): ObjectWriter;
  open(obj: StoredObject): Promise<Readable>;
  remove(obj: StoredObject): Promise<void>;
}
