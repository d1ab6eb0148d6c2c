import { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { contentDisposition, type FileAnswer } from './exports.service';

const logger = new Logger('Exports');

/**
 * Stream a file answer. Until the first bytes go out an error is still an ordinary JSON error answer (the file's
 * Content-Type and name are taken back); after that it can only cut the download short.
 */
export async function sendFile(res: Response, file: FileAnswer): Promise<void> {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', contentDisposition(file.fileName));
  try {
    await file.write(res);
  } catch (e) {
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      res.removeHeader('Content-Type');
      throw e;
    }
    logger.error({ msg: 'export failed while streaming', error: (e as Error).message });
    res.destroy(e as Error);
  }
}
