import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateFrameworkVersionDto, CreateScoringSettingsVersionDto, FrameworksAdminResponse, FrameworkVersion, ScoringSettingsVersion } from '@pt/shared/api-types';
import { firstValueFrom } from 'rxjs';

/** `FrameworkAdminRoutes` of the contracts (the web app imports only their types). */
const BASE = '/api/admin/frameworks';

/** `/api/admin/frameworks` (sysadmin only): every version, and a new version of a framework or of the settings. */
@Injectable({ providedIn: 'root' })
export class FrameworksAdminApi {
  private readonly http = inject(HttpClient);

  list(): Promise<FrameworksAdminResponse> {
    return firstValueFrom(this.http.get<FrameworksAdminResponse>(BASE));
  }

  createFramework(code: string, body: CreateFrameworkVersionDto): Promise<FrameworkVersion> {
    return firstValueFrom(this.http.post<FrameworkVersion>(`${BASE}/${encodeURIComponent(code)}`, body));
  }

  createSettings(body: CreateScoringSettingsVersionDto): Promise<ScoringSettingsVersion> {
    return firstValueFrom(this.http.post<ScoringSettingsVersion>(`${BASE}/settings`, body));
  }
}
