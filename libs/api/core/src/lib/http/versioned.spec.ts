import 'reflect-metadata';
import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { HTTP_CODE_METADATA, INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { DECORATORS } from '@nestjs/swagger/dist/constants';
import { lastValueFrom, of } from 'rxjs';
import { EtagInterceptor, VersionedWrite } from './versioned';

function answer(body: unknown): Promise<{ body: unknown; headers: Record<string, string> }> {
  const headers: Record<string, string> = {};
  const res = { setHeader: (n: string, v: string) => (headers[n] = v) };
  const ctx = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of(body) };
  return lastValueFrom(new EtagInterceptor().intercept(ctx, next)).then((b) => ({ body: b, headers }));
}

describe('EtagInterceptor', () => {
  it('answers a versioned body with its version as a strong ETag, the body unchanged', async () => {
    const body = { id: 'p', version: 3 };
    expect(await answer(body)).toEqual({ body, headers: { ETag: '"3"' } });
  });

  it('sets no ETag for a 204 (no body) or a body without a numeric version', async () => {
    expect((await answer(undefined)).headers).toEqual({});
    expect((await answer(null)).headers).toEqual({});
    expect((await answer({ version: '3' })).headers).toEqual({});
  });
});

describe('VersionedWrite', () => {
  class Probe {
    @VersionedWrite({ status: 204, thing: '指标' })
    remove(): void {
      return undefined;
    }
    @VersionedWrite({ description: '保存后的项目' })
    save(): void {
      return undefined;
    }
  }

  it('sets the status, the If-Match header, the success, 412 and 428 answers and the ETag interceptor', () => {
    const remove = Probe.prototype.remove;
    expect(Reflect.getMetadata(HTTP_CODE_METADATA, remove)).toBe(204);
    expect(Reflect.getMetadata(INTERCEPTORS_METADATA, remove)).toEqual([EtagInterceptor]);
    expect(Reflect.getMetadata(DECORATORS.API_PARAMETERS, remove)).toEqual([
      expect.objectContaining({ in: 'header', name: 'If-Match', required: true, description: '指标的 ETag（"版本号"），缺少时 428，不符时 412' }),
    ]);
    expect(Object.keys(Reflect.getMetadata(DECORATORS.API_RESPONSE, remove)).sort()).toEqual(['204', '412', '428']);
    expect(Reflect.getMetadata(HTTP_CODE_METADATA, Probe.prototype.save)).toBe(200);
    expect(Reflect.getMetadata(DECORATORS.API_RESPONSE, Probe.prototype.save)['200'].description).toBe('保存后的项目');
  });
});
