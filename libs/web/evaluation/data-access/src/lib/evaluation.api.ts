import { HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable } from '@angular/core';
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
import { ApiClient, ifMatch, versionFromEtag } from '@pt/web/shared/data-access';

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
 * The requests on a project's report (its 自评, its monitoring): the answer with the version it was read at
 * (`versioned`), each write with `If-Match`.
 */
abstract class ReportClient extends ApiClient {
  protected async fetch<T extends object>(url: string, params?: HttpParams): Promise<Versioned<T>> {
    return versioned(await firstValueFrom(this.http.get<T>(url, { params, observe: 'response' })));
  }

  protected async send<T extends object>(method: 'PUT' | 'PATCH' | 'POST', url: string, body: unknown, version: number): Promise<Versioned<T>> {
    return versioned(await firstValueFrom(this.http.request<T>(method, url, { body, observe: 'response', headers: { 'If-Match': ifMatch(version) } })));
  }
}

/**
 * 绩效自评 (GET/PUT /api/projects/:id/evaluation, POST …/evaluation/transitions). Writes send
 * `If-Match` with the project's version as last seen; 412 when someone saved in between, 422 with
 * `details` when a scoring rule is broken.
 */
@Injectable({ providedIn: 'root' })
export class EvaluationApi extends ReportClient {
  get(projectId: string): Promise<Versioned<Evaluation>> {
    return this.fetch<Evaluation>(ApiPaths.evaluation(projectId));
  }

  put(projectId: string, version: number, body: PutEvaluationDto): Promise<Versioned<Evaluation>> {
    return this.send<Evaluation>('PUT', ApiPaths.evaluation(projectId), body, version);
  }

  /** The reviewer's deductions (10号: a far-exceeded target set too low), PATCH with If-Match. */
  patch(projectId: string, version: number, body: PatchEvaluationDto): Promise<Versioned<Evaluation>> {
    return this.send<Evaluation>('PATCH', ApiPaths.evaluation(projectId), body, version);
  }

  transition(projectId: string, version: number, body: EvaluationTransitionDto): Promise<Versioned<Evaluation>> {
    return this.send<Evaluation>('POST', ApiPaths.evaluationTransitions(projectId), body, version);
  }
}

/** 运行监控 (GET/PUT /api/projects/:id/monitoring) and the department view (GET /api/monitoring). */
@Injectable({ providedIn: 'root' })
export class MonitoringApi extends ReportClient {
  /** The report of `month` (without a month: the latest one saved). */
  get(projectId: string, month?: number | null): Promise<Versioned<Monitoring>> {
    let params = new HttpParams();
    if (month) params = params.set('month', String(month));
    return this.fetch<Monitoring>(ApiPaths.monitoring(projectId), params);
  }

  put(projectId: string, version: number, body: PutMonitoringDto): Promise<Versioned<Monitoring>> {
    return this.send<Monitoring>('PUT', ApiPaths.monitoring(projectId), body, version);
  }

  overview(year: number, orgId?: string | null): Promise<MonitoringOverviewRow[]> {
    let params = new HttpParams().set('year', String(year));
    if (orgId) params = params.set('orgId', orgId);
    return this.read<MonitoringOverviewRow[]>(ApiPaths.monitoringOverview, params);
  }
}
