import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorResponse } from '@pt/web/shared/data-access/testing';
import { LIBRARY_CONFLICT_MESSAGE, toLibraryFailure } from './library-failure';

describe('toLibraryFailure', () => {
  it('always says the row was changed by someone else on 412', () => {
    const e = apiErrorResponse(412, { code: 'VERSION_CONFLICT', message: '版本冲突' });
    expect(toLibraryFailure(e)).toMatchObject({ status: 412, code: 'VERSION_CONFLICT', message: LIBRARY_CONFLICT_MESSAGE });
    expect(LIBRARY_CONFLICT_MESSAGE).toBe('该指标已被他人修改，请刷新后重试');
  });

  it('keeps the server message and details', () => {
    const e = apiErrorResponse(400, {
      code: 'VALIDATION_FAILED',
      message: '二级指标「数量指标」不属于「效益指标」',
      details: [{ field: 'level2', message: '二级指标不属于「效益指标」' }],
    });
    const f = toLibraryFailure(e);
    expect(f.message).toBe('二级指标「数量指标」不属于「效益指标」');
    expect(f.details).toEqual([{ field: 'level2', message: '二级指标不属于「效益指标」' }]);
  });

  it('uses library wording when the server sent no message', () => {
    expect(toLibraryFailure(new HttpErrorResponse({ status: 404, error: null })).message).toBe('指标库中没有该指标，可能已被删除');
    expect(toLibraryFailure(new HttpErrorResponse({ status: 409, error: null })).message).toBe('指标库中已有同一二级指标下的同名指标');
    expect(toLibraryFailure(new HttpErrorResponse({ status: 0 })).message).toBe('无法连接服务器，请检查网络后重试');
  });
});
