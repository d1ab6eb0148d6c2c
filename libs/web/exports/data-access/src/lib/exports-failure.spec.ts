import { HttpErrorResponse } from '@angular/common/http';
import { parseErrorBody, toExportFailure, toImportFailure, withJsonErrorBody } from './exports-failure';

describe('export and import failures', () => {
  it('reads the JSON error body a blob request received', async () => {
    const body = JSON.stringify({ code: 'CONFLICT', message: '项目尚未批复，不能导出自评表' });
    const e = new HttpErrorResponse({ status: 409, error: new Blob([body], { type: 'application/json' }) });
    const f = toExportFailure(await withJsonErrorBody(e));
    expect(f.status).toBe(409);
    expect(f.message).toBe('项目尚未批复，不能导出自评表');
  });

  it('uses the export wording when the body is not JSON', async () => {
    const e = new HttpErrorResponse({ status: 409, error: new Blob(['<html>'], { type: 'text/html' }) });
    expect(toExportFailure(await withJsonErrorBody(e)).message).toBe('项目尚未批复，不能导出自评表或监控表');
    expect(toExportFailure(new HttpErrorResponse({ status: 0 })).message).toContain('无法连接服务器');
  });

  it('leaves other errors as they are', async () => {
    const e = new Error('x');
    expect(await withJsonErrorBody(e)).toBe(e);
  });

  it('parses only JSON objects', () => {
    expect(parseErrorBody('{"message":"m"}')).toEqual({ message: 'm' });
    expect(parseErrorBody('"m"')).toBeNull();
    expect(parseErrorBody('not json')).toBeNull();
  });

  it('words import errors in Chinese, keeping the server message and its details', () => {
    const e = new HttpErrorResponse({
      status: 422,
      error: { code: 'IMPORT_INVALID', message: '有 1 处不符合填报规则', details: [{ field: '3–20', message: '项目名称不能为空' }] },
    });
    const f = toImportFailure(e);
    expect(f.message).toBe('有 1 处不符合填报规则');
    expect(f.details).toEqual([{ field: '3–20', message: '项目名称不能为空' }]);
    expect(toImportFailure(new HttpErrorResponse({ status: 403 })).message).toBe('只有填报人可以导入项目');
  });
});
