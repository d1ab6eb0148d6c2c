import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { SheetModel } from '../layout/sheet-model';
import { PdfFontMissingError, writePdf } from './pdf-writer';

/** The worker's file in the production build (tools/build-api.mjs writes it beside main.js). */
const WORKER_FILE = path.join(__dirname, 'pdf-worker.js');

/**
 * Render a batch PDF on a worker thread, so that the CPU it takes does not delay other requests on this instance;
 * where the worker file is not there (the TypeScript sources under Jest) it renders on this thread, yielding between
 * forms. Errors are the same either way (PdfFontMissingError for a missing font).
 */
export function writePdfOffThread(models: readonly SheetModel[], out: Writable): Promise<void> {
  if (!fs.existsSync(WORKER_FILE)) return writePdf(models, out);
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: { models } });
    let settled = false;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(e);
    };
    out.on('error', fail);
    worker.on('message', (m: { chunk?: Uint8Array; done?: boolean; fontMissing?: string; error?: string }) => {
      if (m.chunk) {
        const ack = () => worker.postMessage({ ack: true });
        if (out.write(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength))) ack();
        else out.once('drain', ack);
      } else if (m.done) {
        settled = true;
        out.end(() => resolve());
        void worker.terminate();
      } else if (m.fontMissing) fail(new PdfFontMissingError(m.fontMissing));
      else fail(new Error(m.error ?? 'PDF worker failed'));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!settled) fail(new Error(`PDF worker exited with code ${code}`));
    });
  });
}
