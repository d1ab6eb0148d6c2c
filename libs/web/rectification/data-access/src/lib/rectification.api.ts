import { Injectable } from '@angular/core';
import { ApiPaths, type CreateRectificationDto, type Rectification, type RectificationAction } from '@pt/shared/api-types';
import { ApiClient } from '@pt/web/shared/data-access';

/**
 * 整改通知 (domain §11): a target's notices (and the open ones of its same-name target of last year), a reviewer's
 * notice, the unit's answer, the transitions — each write with the notice's version as `If-Match` (412 when someone
 * changed it in between).
 */
@Injectable({ providedIn: 'root' })
export class RectificationApi extends ApiClient {
  list(targetId: string): Promise<Rectification[]> {
    return this.read<Rectification[]>(ApiPaths.targetRectifications(targetId));
  }

  /** The open notices of the same-name target of the year before (the editor's banner). */
  carried(targetId: string): Promise<Rectification[]> {
    return this.read<Rectification[]>(ApiPaths.targetRectifications(targetId), { carried: 'true' });
  }

  create(targetId: string, body: CreateRectificationDto): Promise<Rectification> {
    return this.rows.post<Rectification>(ApiPaths.targetRectifications(targetId), body);
  }

  answer(r: Pick<Rectification, 'id' | 'version'>, feedback: string | null): Promise<Rectification> {
    return this.rows.patch<Rectification>(ApiPaths.rectification(r.id), { feedback }, r.version);
  }

  transition(r: Pick<Rectification, 'id' | 'version'>, action: RectificationAction, comment?: string | null): Promise<Rectification> {
    return this.rows.post<Rectification>(ApiPaths.rectificationTransitions(r.id), { action, ...(comment ? { comment } : {}) }, r.version);
  }
}
