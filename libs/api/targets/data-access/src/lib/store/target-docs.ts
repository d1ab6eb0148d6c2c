import { Injectable } from '@nestjs/common';
import { readRows } from '@pt/api/core';
import type { ProjectStatus, TargetKindKey, UserSummary } from '@pt/shared/contracts';
import { narrowToKind } from './kind-scope';
import { permissionsOf } from './project-row';
import { TargetStore } from './target-store';

/** A target's detail as serialised once: everything but the asker's `permissions`. */
interface Doc {
  stamp: string;
  version: number;
  status: ProjectStatus;
  /** The answer's JSON after its first `{` (`"id":…}`), in UTF-8. */
  rest: Buffer;
}

/** Serialised details kept per instance (the LRU's bound: about 2,600 targets of 30 rows). */
export const DOC_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The detail answer of a target (GET /api/targets/:id) serialised, kept per instance under the target's `doc_stamp`
 * (issue 18). A read of a kept target costs one primary-key lookup — its stamp, under the asker's visibility — where
 * building it costs the detail's query, the assembly and JSON.stringify of some 25 KB. The stamp takes a new value in
 * the database's own triggers whenever anything the detail shows changes (migration 1734300000000), so a write of any
 * instance is seen by the next read of every other. The asker's permissions are the one part that depends on who
 * asks: they are written in front of the kept part on each answer.
 */
@Injectable()
export class TargetDocs {
  private readonly docs = new Map<string, Doc>();
  private bytes = 0;

  constructor(private readonly store: TargetStore) {}

  /**
   * The detail of `id` as `user` gets it, in UTF-8, and its version (the ETag); null when the user may not see it
   * (or it is not of `kind`, the /api/projects path): the caller answers that as the API does, with its 404.
   */
  async answer(user: UserSummary, id: string, kind?: TargetKindKey): Promise<{ body: Buffer; version: number } | null> {
    // the /api/projects path narrows the reads below as it narrows the store's (the kind scope)
    const doc = await (kind ? narrowToKind(kind, () => this.doc(user, id)) : this.doc(user, id));
    if (!doc) return null;
    const head = Buffer.from(`{"permissions":${JSON.stringify(permissionsOf(user, doc.status))}${doc.rest.length > 1 ? ',' : ''}`);
    return { body: Buffer.concat([head, doc.rest]), version: doc.version };
  }

  private async doc(user: UserSummary, id: string): Promise<Doc | null> {
    // the store's own rule of who sees a target, kept or not (an administrator sees none: 三员分立)
    const visible = this.store.visibleSql(user);
    if (!visible) return null;
    const kept = this.docs.get(id);
    if (kept) {
      const [r] = await readRows<{ doc_stamp: string }>(
        this.store.dataSource.manager,
        `SELECT p.doc_stamp::text AS doc_stamp FROM project p WHERE p.id = $1 AND ${visible}`,
        [id, user.orgId],
      );
      if (!r) return null;
      if (r.doc_stamp === kept.stamp) {
        // the least recently used goes first: a hit moves to the end
        this.docs.delete(id);
        this.docs.set(id, kept);
        return kept;
      }
    }
    const read = await this.store.getStamped(user, id);
    if (!read) return null;
    const { permissions: _, ...rest } = read.target;
    const doc: Doc = { stamp: read.stamp, version: rest.version, status: rest.status, rest: Buffer.from(JSON.stringify(rest).slice(1)) };
    this.keep(id, doc);
    return doc;
  }

  private keep(id: string, doc: Doc): void {
    const old = this.docs.get(id);
    if (old) {
      this.bytes -= old.rest.length;
      this.docs.delete(id);
    }
    this.docs.set(id, doc);
    this.bytes += doc.rest.length;
    for (const [k, d] of this.docs) {
      if (this.bytes <= DOC_CACHE_BYTES) break;
      this.docs.delete(k);
      this.bytes -= d.rest.length;
    }
  }
}
