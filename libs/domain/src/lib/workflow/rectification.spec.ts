import { isOpenRectification, isRectificationEditable, mayIssueRectification, RECTIFICATION_FLOW, rectificationActions, rectificationRefusal } from './rectification';

const filler = { roles: ['filler'] };
const reviewer = { roles: ['dept_reviewer'] };

describe('the 整改 loop', () => {
  it('goes issued → submitted → returned → submitted → accepted', () => {
    expect(RECTIFICATION_FLOW.submit.to).toBe('submitted');
    expect(rectificationActions(filler, 'issued')).toEqual(['submit']);
    expect(rectificationActions(reviewer, 'submitted')).toEqual(['approve', 'return']);
    expect(rectificationActions(filler, 'returned')).toEqual(['submit']);
    expect(rectificationActions(reviewer, 'accepted')).toEqual([]);
    expect(rectificationActions(filler, 'submitted')).toEqual([]);
  });

  it('refuses by role (403), then by state (409), then a return without reason (400)', () => {
    expect(rectificationRefusal(reviewer, 'issued', 'submit', null)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(rectificationRefusal(filler, 'submitted', 'approve', null)).toMatchObject({ status: 403 });
    expect(rectificationRefusal(filler, 'accepted', 'submit', null)).toMatchObject({ status: 409, code: 'INVALID_TRANSITION', message: '整改通知处于「已完成」状态，不能提交' });
    expect(rectificationRefusal(reviewer, 'submitted', 'return', null)).toMatchObject({ status: 400, field: 'comment' });
    expect(rectificationRefusal(reviewer, 'submitted', 'return', '佐证不足')).toBeNull();
    expect(rectificationRefusal(reviewer, 'submitted', 'approve', null)).toBeNull();
  });

  it('is open until accepted, editable by the unit while it waits for it, issued by reviewers only', () => {
    expect(isOpenRectification('returned')).toBe(true);
    expect(isOpenRectification('accepted')).toBe(false);
    expect(isRectificationEditable('issued')).toBe(true);
    expect(isRectificationEditable('submitted')).toBe(false);
    expect(mayIssueRectification(reviewer)).toBe(true);
    expect(mayIssueRectification(filler)).toBe(false);
  });
});
