import { HttpClient, HttpEventType } from '@angular/common/http';
import { inject, Injectable, signal, type Signal, type WritableSignal } from '@angular/core';
import { ApiPaths, type Attachment, type AttachmentEditRights, ATTACHMENT_NAME_HEADER, type AttachmentPurpose } from '@pt/shared/api-types';
import { firstValueFrom, type Observable, filter, map } from 'rxjs';

/** A list read this recently is shown as it is to rows that appear meanwhile (one render of a page). */
const FRESH_MS = 3000;

/** One upload's events: the percent sent, then the stored file. */
export type UploadEvent = { kind: 'progress'; percent: number } | { kind: 'done'; attachment: Attachment };

/**
 * The 佐证材料 of targets, read once per target however many rows of a page show a part of them (one request, shared),
 * and kept up to date by this client's own uploads and deletes.
 */
@Injectable({ providedIn: 'root' })
export class AttachmentsClient {
  private readonly http = inject(HttpClient);
  private readonly lists = new Map<string, WritableSignal<readonly Attachment[] | null>>();
  private readonly rights = new Map<string, WritableSignal<AttachmentEditRights | null>>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly loadedAt = new Map<string, number>();

  /** The target's files (null until read). */
  of(targetId: string): Signal<readonly Attachment[] | null> {
    return this.listSignal(targetId);
  }

  /** What the server lets the user add or remove on the target now (null until read): the page shows upload and delete from it. */
  rightsOf(targetId: string): Signal<AttachmentEditRights | null> {
    return this.rightsSignal(targetId);
  }

  /**
   * Read the target's files unless they are being read or were just read: every row of a page calls it as it appears
   * (one request for all), and a page opened again later reads them afresh (someone else may have added some).
   */
  ensure(targetId: string): Promise<void> {
    const running = this.loading.get(targetId);
    if (running) return running;
    return Date.now() - (this.loadedAt.get(targetId) ?? 0) < FRESH_MS ? Promise.resolve() : this.reload(targetId);
  }

  /** Read the target's files and what may change again (a failure is the caller's to show). */
  reload(targetId: string): Promise<void> {
    const running = (async () => {
      try {
        const [list, rights] = await Promise.all([
          firstValueFrom(this.http.get<Attachment[]>(ApiPaths.targetAttachments(targetId))),
          firstValueFrom(this.http.get<AttachmentEditRights>(ApiPaths.targetAttachmentRights(targetId))),
        ]);
        this.listSignal(targetId).set(list);
        this.rightsSignal(targetId).set(rights);
        this.loadedAt.set(targetId, Date.now());
      } finally {
        this.loading.delete(targetId);
      }
    })();
    this.loading.set(targetId, running);
    return running;
  }

  /** Send the file as the request body, its name percent-encoded in X-File-Name. */
  upload(targetId: string, file: File, purpose: AttachmentPurpose, indicatorId: string | null, rectificationId: string | null = null): Observable<UploadEvent> {
    const params: Record<string, string> = { purpose, ...(indicatorId ? { indicatorId } : {}), ...(rectificationId ? { rectificationId } : {}) };
    return this.http
      .post<Attachment>(ApiPaths.targetAttachments(targetId), file, {
        params,
        headers: { 'Content-Type': file.type || 'application/octet-stream', [ATTACHMENT_NAME_HEADER]: encodeURIComponent(file.name) },
        reportProgress: true,
        observe: 'events',
      })
      .pipe(
        filter((e) => e.type === HttpEventType.UploadProgress || e.type === HttpEventType.Response),
        map((e): UploadEvent => {
          if (e.type === HttpEventType.UploadProgress) return { kind: 'progress', percent: e.total ? Math.floor((e.loaded / e.total) * 100) : 0 };
          const attachment = (e as { body: Attachment }).body;
          this.listSignal(targetId).update((l) => [...(l ?? []), attachment]);
          return { kind: 'done', attachment };
        }),
      );
  }

  async remove(targetId: string, id: string): Promise<void> {
    await firstValueFrom(this.http.delete(ApiPaths.attachment(id)));
    this.listSignal(targetId).update((l) => (l ?? []).filter((a) => a.id !== id));
  }

  /** The file, saved by the browser under its name (read with the session's token, which a plain link would not send). */
  async download(a: Attachment): Promise<void> {
    const blob = await firstValueFrom(this.http.get(ApiPaths.attachment(a.id), { responseType: 'blob' }));
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = a.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private rightsSignal(targetId: string): WritableSignal<AttachmentEditRights | null> {
    let s = this.rights.get(targetId);
    if (!s) {
      s = signal<AttachmentEditRights | null>(null);
      this.rights.set(targetId, s);
    }
    return s;
  }

  private listSignal(targetId: string): WritableSignal<readonly Attachment[] | null> {
    let s = this.lists.get(targetId);
    if (!s) {
      s = signal<readonly Attachment[] | null>(null);
      this.lists.set(targetId, s);
    }
    return s;
  }
}
