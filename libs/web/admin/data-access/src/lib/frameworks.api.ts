import { Injectable } from '@angular/core';
import {
  ApiPaths,
  type CreateFrameworkVersionDto,
  type CreateScoringSettingsVersionDto,
  type FrameworksAdminResponse,
  type FrameworkVersion,
  type ScoringSettingsVersion,
} from '@pt/shared/api-types';
import { ApiClient } from '@pt/web/shared/data-access';
import { firstValueFrom } from 'rxjs';

/** `/api/admin/frameworks` (sysadmin only): every version, and a new version of a framework or of the settings. */
@Injectable({ providedIn: 'root' })
export class FrameworksAdminApi extends ApiClient {
  list(): Promise<FrameworksAdminResponse> {
    return this.read<FrameworksAdminResponse>(ApiPaths.adminFrameworks);
  }

  createFramework(code: string, body: CreateFrameworkVersionDto): Promise<FrameworkVersion> {
    return firstValueFrom(this.http.post<FrameworkVersion>(ApiPaths.adminFramework(code), body));
  }

  createSettings(body: CreateScoringSettingsVersionDto): Promise<ScoringSettingsVersion> {
    return firstValueFrom(this.http.post<ScoringSettingsVersion>(ApiPaths.adminScoringSettings, body));
  }
}
