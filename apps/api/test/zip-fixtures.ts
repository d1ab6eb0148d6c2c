import { deflateRawSync } from 'node:zlib';

/** A little-endian record of `size` bytes: each field is [offset, byte width, value]; the rest stays zero. */
function record(size: number, fields: [at: number, width: 2 | 4, value: number][]): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, width, value] of fields) {
    if (width === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

/** A ZIP archive of deflated `entries`, optionally claiming (`claim`) another unpacked size than the data has: hostile uploads. */
export function zip(entries: { name: string; data: Buffer; claim?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = deflateRawSync(e.data);
    const size = e.claim ?? e.data.length;
    // local file header: signature, version needed, method (deflate), sizes, name length
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, 8], [18, 4, body.length], [22, 4, size], [26, 2, name.length]]);
    // central directory entry: signature, versions made by / needed, method, sizes, name length, the local header's offset
    const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, 8], [20, 4, body.length], [24, 4, size], [28, 2, name.length], [42, 4, offset]]);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  // end of central directory: signature, entry counts, its size and offset
  const eocd = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, cd.length], [16, 4, offset]]);
  return Buffer.concat([...locals, cd, eocd]);
}
