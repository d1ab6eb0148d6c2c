/**
 * A worker thread that renders a batch PDF (built as dist/apps/api/pdf-worker.js beside main.js): drawing a whole
 * year's forms is seconds of CPU, which on the main thread would hold up every other request. The models come in
 * workerData; the bytes go back in chunks, each acknowledged before the next is sent.
 */
import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import type { SheetModel } from '../layout/sheet-model';
import { PdfFontMissingError, writePdf } from './pdf-writer';

const port = parentPort;
if (port) {
  let acked: (() => void) | null = null;
  port.on('message', (m: { ack?: boolean }) => {
    if (m.ack && acked) {
      const next = acked;
      acked = null;
      next();
    }
  });
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      acked = () => cb();
      port.postMessage({ chunk });
    },
  });
  writePdf(workerData.models as SheetModel[], out).then(
    () => port.postMessage({ done: true }),
    (e: unknown) => port.postMessage(e instanceof PdfFontMissingError ? { fontMissing: e.path } : { error: (e as Error)?.message ?? String(e) }),
  );
}
