import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ApiExceptionFilter, ApiHttpException, isConnectionError } from './api-exception.filter';

describe('ApiExceptionFilter.toBody', () => {
  const filter = new ApiExceptionFilter();

  it.each([
    ['a COMMIT after the connection broke (TypeORM released the query runner)', new QueryRunnerAlreadyReleasedError()],
    ['a query after the connection broke', new QueryRunnerProviderAlreadyReleasedError()],
    ['pg: connection terminated', new Error('Connection terminated unexpectedly')],
    ['pg: refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['PostgreSQL shutting down (57P01)', new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))],
  ])('%s → 503', (_label, e) => {
    expect(isConnectionError(e) || isConnectionError((e as QueryFailedError).driverError)).toBe(true);
    expect(filter.toBody(e)).toEqual({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂不可用（数据库不可用），请稍后重试' });
  });

  it('keeps a programming error a 500 without details', () => {
    expect(filter.toBody(new TypeError('x is undefined'))).toEqual({ statusCode: 500, code: 'INTERNAL_ERROR', message: '服务器内部错误' });
  });

  it('answers an input error of PostgreSQL as 400 and a duplicate as 409', () => {
    const bad = new QueryFailedError('INSERT', [], Object.assign(new Error('invalid input'), { code: '22P02' }));
    expect(filter.toBody(bad).statusCode).toBe(400);
    const dup = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate'), { code: '23505' }));
    expect(filter.toBody(dup)).toMatchObject({ statusCode: 409, code: 'DUPLICATE' });
  });

  it('passes the contract body of an ApiHttpException through', () => {
    const e = new ApiHttpException(422, 'VALIDATION_FAILED', '指标值格式有误', [{ field: 'indicators[0].target', message: '格式有误' }]);
    expect(filter.toBody(e)).toEqual({ statusCode: 422, code: 'VALIDATION_FAILED', message: '指标值格式有误', details: [{ field: 'indicators[0].target', message: '格式有误' }] });
  });

  it('answers JSON even where a file download had set its Content-Type and name', () => {
    const headers: Record<string, string> = { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="x.pdf"' };
    let sent: unknown;
    const res = {
      headersSent: false,
      removeHeader: (k: string) => delete headers[k.toLowerCase()],
      setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = v),
      status: () => res,
      json: (b: unknown) => (sent = b),
    };
    const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as Parameters<ApiExceptionFilter['catch']>[1];
    filter.catch(new ApiHttpException(404, 'NOT_FOUND', '项目不存在或无权查看'), host);
    expect(headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
    expect(sent).toMatchObject({ statusCode: 404 });
  });
});
