import { HttpErrorResponse, HttpHeaders, HttpResponse } from '@angular/common/http';
import { apiErrorResponse } from '../testing';
import { failureMapper, fieldError, ifMatch, localFailure, toApiFailure, versionFromEtag, withEtagVersion } from './api-failure';

describe('toApiFailure', () => {
  it('keeps the Chinese message, code and field details of an API error', () => {
    const e = apiErrorResponse(400, { code: 'VALIDATION_FAILED', message: '输入有误', details: [{ field: 'name', message: '请填写项目名称' }] });
    expect(toApiFailure(e)).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '输入有误',
      details: [{ field: 'name', message: '请填写项目名称' }],
      findings: [],
    });
  });

  it('carries the findings of a 422 FINDINGS_BLOCK_SUBMIT', () => {
    const finding = { code: 'MISSING_UNIT', severity: 'error', message: '缺少单位', indicatorIndex: 0 };
    const e = apiErrorResponse(422, { code: 'FINDINGS_BLOCK_SUBMIT', message: '存在错误', findings: [finding, { junk: true }] });
    const f = toApiFailure(e);
    expect(f.code).toBe('FINDINGS_BLOCK_SUBMIT');
    expect(f.findings).toEqual([finding]);
  });

  it('reads blocking findings listed as details', () => {
    const e = apiErrorResponse(422, {
      code: 'FINDINGS_BLOCK_SUBMIT',
      message: '指标表有 2 处错误',
      details: [
        { field: 'indicators[1]', code: 'MISSING_UNIT', message: '第2行缺少单位' },
        { field: 'indicators', code: 'NO_BENEFIT', message: '缺少效益指标' },
      ],
    });
    expect(toApiFailure(e).findings).toEqual([
      { code: 'MISSING_UNIT', severity: 'error', message: '第2行缺少单位', indicatorIndex: 1 },
      { code: 'NO_BENEFIT', severity: 'error', message: '缺少效益指标', indicatorIndex: null },
    ]);
  });

  it('falls back to a Chinese message by status when the body has none', () => {
    expect(toApiFailure(new HttpErrorResponse({ status: 0 })).message).toBe('无法连接服务器，请检查网络后重试');
    expect(toApiFailure(new HttpErrorResponse({ status: 412, error: null })).message).toContain('已被其他人修改');
    expect(toApiFailure(new HttpErrorResponse({ status: 503, error: 'oops' })).message).toBe('服务器暂时不可用，请稍后重试');
    expect(toApiFailure(new Error('x'), '保存失败').message).toBe('保存失败');
  });

  it("prefers a screen's wording by status to the general one, and the server's message to both", () => {
    const byStatus = { 404: '指标库中没有该指标' };
    expect(toApiFailure(new HttpErrorResponse({ status: 404 }), undefined, byStatus).message).toBe('指标库中没有该指标');
    expect(toApiFailure(new HttpErrorResponse({ status: 404 })).message).toBe('项目不存在或您无权查看');
    expect(toApiFailure(new HttpErrorResponse({ status: 403 }), undefined, byStatus).message).toBe('您没有权限执行此操作');
    const sent = new HttpErrorResponse({ status: 404, error: { code: 'NOT_FOUND', message: '项目不存在' } });
    expect(toApiFailure(sent, undefined, byStatus).message).toBe('项目不存在');
  });

  it('reads versions from ETag headers', () => {
    expect(versionFromEtag('"7"')).toBe(7);
    expect(versionFromEtag('W/"12"')).toBe(12);
    const row = { id: 'r', version: 3 };
    expect(withEtagVersion(new HttpResponse({ body: row, headers: new HttpHeaders({ ETag: '"5"' }) }))).toEqual({ id: 'r', version: 5 });
    expect(withEtagVersion(new HttpResponse({ body: row }))).toBe(row);
    expect(versionFromEtag(new HttpHeaders({ ETag: '"3"' }).get('ETag'))).toBe(3);
    expect(versionFromEtag('"abc"')).toBeNull();
    expect(versionFromEtag(null)).toBeNull();
    expect(ifMatch(4)).toBe('"4"');
  });
});

describe('failureMapper', () => {
  const toFailure = failureMapper({ byStatus: { 404: '记录不存在' }, always: { 412: '已被他人修改，请刷新' }, fallback: '保存失败' });

  it("words a screen's failures: its text by status, its fixed text, its fallback, a caller's fallback", () => {
    expect(toFailure(new HttpErrorResponse({ status: 404 })).message).toBe('记录不存在');
    const conflict = new HttpErrorResponse({ status: 412, error: { code: 'VERSION_CONFLICT', message: '版本冲突' } });
    expect(toFailure(conflict)).toMatchObject({ status: 412, code: 'VERSION_CONFLICT', message: '已被他人修改，请刷新' });
    expect(toFailure(new Error('x')).message).toBe('保存失败');
    expect(toFailure(new Error('x'), '删除失败').message).toBe('删除失败');
  });
});

describe('field errors', () => {
  it('finds the first message of a field, and builds a local failure only when there is something to say', () => {
    const f = localFailure([
      { field: 'name', message: '请填写名称' },
      { field: 'name', message: '第二条' },
    ]);
    expect(f).toMatchObject({ status: 400, code: 'LOCAL', message: '请检查填写的内容' });
    expect(fieldError(f, 'name')).toBe('请填写名称');
    expect(fieldError(f, 'code')).toBeNull();
    expect(fieldError(null, 'name')).toBeNull();
    expect(localFailure([])).toBeNull();
  });
});
