import { DOCUMENT } from '@angular/common';
import { HttpClient, HttpEventType } from '@angular/common/http';
import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { ApiPaths, type BatchForm, type ExportForm } from '@pt/shared/api-types';
import type { Subscription } from 'rxjs';
import { downloadProgress } from './download-progress';
import type { DownloadProgress } from './download-progress';
import { batchQueryParams, fallbackFileName } from './export-query';
import type { BatchExportQuery, ProjectFileFormat } from './export-query';
import { fileNameFromContentDisposition } from './file-name';
import { withJsonErrorBody } from './exports-failure';

/** A downloaded file, before or after it was handed to the browser. */
export interface DownloadedFile {
  fileName: string;
  blob: Blob;
}

interface Running {
  sub: Subscription | null;
  reject: (e: unknown) => void;
}

/** Thrown (rejected) when {@link ExportsApi.cancel} stopped a download. */
export class DownloadCancelled extends Error {
  constructor() {
    super('下载已取消');
  }
}

/** Offer a blob to the user as a download: an object URL on a hidden `<a download>`, clicked, then revoked. */
export function saveBlob(doc: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // the browser has taken the file by then; keep the URL a while for slow save dialogs
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads of the exported files (`GET /api/projects/:id/export`, `GET /api/exports`) with their
 * progress as a signal. Provide it in a component (`providers: [ExportsApi]`) for a progress of its
 * own; one download at a time per instance.
 */
@Injectable({ providedIn: 'root' })
export class ExportsApi {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  private readonly state = signal<DownloadProgress | null>(null);
  private running: Running | null = null;

  /** Bytes received (and percent when the size is known) of the running download; null when idle. */
  readonly progress = this.state.asReadonly();
  readonly downloading = computed(() => this.state() !== null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.cancel());
  }

  /** One project's 申报表 / 自评表 / 监控表, saved by the browser. */
  downloadProject(id: string, form: ExportForm, format: ProjectFileFormat): Promise<DownloadedFile> {
    return this.download(ApiPaths.projectExport(id), { form, format }, fallbackFileName(form, format, id.slice(0, 8)));
  }

  /** Every visible project of a year (and organisation) in one file, saved by the browser. */
  downloadBatch(q: BatchExportQuery): Promise<DownloadedFile> {
    return this.download(ApiPaths.exports, batchQueryParams(q), fallbackFileName(q.form as BatchForm, q.format, q.year));
  }

  /** Fetch a file and offer it for saving under the name of its `Content-Disposition`. */
  async download(url: string, params: Record<string, string>, fallbackName: string): Promise<DownloadedFile> {
    const file = await this.fetch(url, params, fallbackName);
    saveBlob(this.document, file.blob, file.fileName);
    return file;
  }

  /** Fetch a file with progress, without saving it. Rejects with the HTTP error (its JSON body read). */
  fetch(url: string, params: Record<string, string>, fallbackName: string): Promise<DownloadedFile> {
    this.cancel();
    this.state.set(downloadProgress(0, null));
    return new Promise<DownloadedFile>((resolve, reject) => {
      const entry: Running = { reject, sub: null };
      entry.sub = this.http.get(url, { params, responseType: 'blob', observe: 'events', reportProgress: true }).subscribe({
        next: (ev) => {
          if (ev.type === HttpEventType.DownloadProgress) {
            if (this.running === entry) this.state.set(downloadProgress(ev.loaded, ev.total));
          } else if (ev.type === HttpEventType.Response) {
            this.finish(entry);
            const blob = ev.body ?? new Blob([]);
            resolve({ blob, fileName: fileNameFromContentDisposition(ev.headers.get('Content-Disposition'), fallbackName) });
          }
        },
        error: (e: unknown) => {
          this.finish(entry);
          void withJsonErrorBody(e).then(reject);
        },
      });
      if (!entry.sub.closed) this.running = entry;
    });
  }

  /** Stop the running download (its promise rejects with {@link DownloadCancelled}). */
  cancel(): void {
    const r = this.running;
    if (!r) return;
    this.finish(r);
    r.sub?.unsubscribe();
    r.reject(new DownloadCancelled());
  }

  private finish(entry: Running): void {
    if (this.running !== entry && this.running !== null) return;
    this.running = null;
    this.state.set(null);
  }
}
