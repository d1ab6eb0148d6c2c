import { HttpClient, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApiPaths,
  type Evaluation,
  type EvaluationTransitionDto,
  type Monitoring,
  type PatchEvaluationDto,
  type MonitoringOverviewRow,
  type PutEvaluationDto,
  type PutMonitoringDto,
} from '@pt/shared/api-types';
import { firstValueFrom } from 'rxjs';
import { ifMatch, versionFromEtag } from '@pt/web/shared/data-access';

/** Request bodies (the DTO classes of the contracts, used as plain types). */
export type PutEvaluationBody = PutEvaluationDto;
export type EvaluationTransitionBody = EvaluationTransitionDto;
export type PatchEvaluationBody = PatchEvaluationDto;
export type PutMonitoringBody = PutMonitoringDto;

/**
 * An answer with the project's version it was read at (the `If-Match` of the next write): taken from
 * the `ETag` header, else from the body's `version`, else null (then the caller uses the version of
 * GET /api/projects/:id).
 */
export type Versioned<T> = Omit<T, 'version'> & { version: number | null };

function versioned<T extends object>(res: HttpResponse<T>): Versioned<T> {
  const body = res.body as T;
  const fromBody = (body as { version?: unknown }).version;
  const v = versionFromEtag(res.headers.get('ETag')) ?? (typeof fromBody === 'number' ? fromBody : null);
  return { ...body, version: v };
}

/**
 * 绩效自评 (GET/PUT /api/projects/:id/evaluation, POST …/evaluation/transitions). Writes send
 * `If-Match` with the project's version as last seen; 412 when someone saved in between, 422 with
 * `details` when a scoring rule is broken.
 */
@Injectable({ providedIn: 'root' })
export class EvaluationApi {
  private readonly http = inject(HttpClient);

  async get(projectId: string): Promise<Versioned<Evaluation>> {
    return versioned(await firstValueFrom(this.http.get<Evaluation>(ApiPaths.evaluation(projectId), { observe: 'response' })));
  }

  async put(projectId: string, version: number, body: PutEvaluationBody): Promise<Versioned<Evaluation>> {
    return versioned(
      await firstValueFrom(
        this.http.put<Evaluation>(ApiPaths.evaluation(projectId), body, { observe: 'response', headers: { 'If-Match': ifMatch(version) } }),
      ),
    );
  }

  /** The reviewer's deductions (10号: a far-exceeded target set too low), PATCH with If-Match. */
  async patch(projectId: string, version: number, body: PatchEvaluationBody): Promise<Versioned<Evaluation>> {
    return versioned(
      await firstValueFrom(
        this.http.patch<Evaluation>(ApiPaths.evaluation(projectId), body, { observe: 'response', headers: { 'If-Match': ifMatch(version) } }),
      ),
    );
  }

  async transition(projectId: string, version: number, body: EvaluationTransitionBody): Promise<Versioned<Evaluation>> {
    return versioned(
      await firstValueFrom(
        this.http.post<Evaluation>(ApiPaths.evaluationTransitions(projectId), body, {
          observe: 'response',
          headers: { 'If-Match': ifMatch(version) },
        }),
      ),
    );
  }
}

/** 运行监控 (GET/PUT /api/projects/:id/monitoring) and the department view (GET /api/monitoring). */
@Injectable({ providedIn: 'root' })
export class MonitoringApi {
  private readonly http = inject(HttpClient);

  /** The report of `month` (without a month: the latest one saved). */
  async get(projectId: string, month?: number | null): Promise<Versioned<Monitoring>> {
    let params = new HttpParams();
    if (month) params = params.set('month', String(month));
    return versioned(
      await firstValueFrom(this.http.get<Monitoring>(ApiPaths.monitoring(projectId), { params, observe: 'response' })),
    );
  }

  async put(projectId: string, version: number, body: PutMonitoringBody): Promise<Versioned<Monitoring>> {
    return versioned(
      await firstValueFrom(
        this.http.put<Monitoring>(ApiPaths.monitoring(projectId), body, { observe: 'response', headers: { 'If-Match': ifMatch(version) } }),
      ),
    );
  }

  overview(year: number, orgId?: string | null): Promise<MonitoringOverviewRow[]> {
    let params = new HttpParams().set('year', String(year));
    if (orgId) params = params.set('orgId', orgId);
    return firstValueFrom(this.http.get<MonitoringOverviewRow[]>(ApiPaths.monitoringOverview, { params }));
  }
}
