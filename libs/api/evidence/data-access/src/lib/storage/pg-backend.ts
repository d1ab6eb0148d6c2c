import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { ObjectBackend, ObjectWriter, StoredObject } from './object-storage';

/**
 * The size of a stored piece: one row of attachment_chunk, the most of a file held in memory at a time. Small because
 * a piece is read as hex text (twice its size) into the driver's message buffer, which grows to the next power of two
 * and stays with its connection: ten 20 MB downloads at once added 112–119 MB to the server's RSS with 1 MiB pieces,
 * 56–73 MB with 256 KiB and 29–63 MB with 128 KiB (scripts/bench/attachments.mjs, fresh server each run).
 */
export const CHUNK_BYTES = 128 * 1024;

/**
 * PostgreSQL (the default): the bytes in attachment_chunk, 128 KiB a row, each written and read by its own short
 * statement — no transaction stays open while a client sends or receives (the embedded database has one connection).
 */
export class PgBackend implements ObjectBackend {
  readonly kind = 'pg' as const;

  constructor(private readonly dataSource: DataSource) {}

  writer(id: string): ObjectWriter {
    const ds = this.dataSource;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let seq = 0;
    const flush = async (all: boolean) => {
      while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
        const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
        const piece = joined.subarray(0, CHUNK_BYTES);
        const rest = joined.subarray(piece.length);
        pending = rest.length ? [rest] : [];
        pendingBytes = rest.length;
        await ds.query(`INSERT INTO attachment_chunk (attachment_id, seq, data) VALUES ($1, $2, $3)`, [id, seq++, piece]);
      }
    };
    return {
      key: null,
      async write(chunk) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        await flush(false);
      },
      finish: () => flush(true),
      async abort() {
        pending = [];
        await ds.query(`DELETE FROM attachment_chunk WHERE attachment_id = $1`, [id]);
      },
    };
  }

  async open(obj: StoredObject): Promise<Readable> {
    const ds = this.dataSource;
    const count = Math.ceil(obj.size / CHUNK_BYTES);
    // pulled one piece at a time, as the client reads (Readable.from respects back-pressure)
    async function* pieces(): AsyncGenerator<Buffer> {
      for (let seq = 0; seq < count; seq++) {
        const [row]: { data: Buffer }[] = await ds.query(`SELECT data FROM attachment_chunk WHERE attachment_id = $1 AND seq = $2`, [obj.id, seq]);
        if (!row) throw new Error(`attachment ${obj.id}: piece ${seq} missing`);
        yield row.data;
      }
    }
    return Readable.from(pieces(), { objectMode: false });
  }

  async remove(obj: StoredObject): Promise<void> {
    await this.dataSource.query(`DELETE FROM attachment_chunk WHERE attachment_id = $1`, [obj.id]);
  }
}
