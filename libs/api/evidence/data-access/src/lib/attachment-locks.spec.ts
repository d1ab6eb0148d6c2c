import { editRights, lockRefusal, type LockState } from './attachment-locks';

const state = (over: Partial<LockState> = {}): LockState => ({ target: { status: 'draft', kind: 'project' }, evaluation: 'draft', rectifications: new Map(), ...over });

describe('attachment locks', () => {
  it('declaration files follow the target’s edit rule', () => {
    expect(lockRefusal(state(), 'declaration', null)).toBeNull();
    expect(lockRefusal(state({ target: { status: 'returned', kind: 'project' } }), 'declaration', null)).toBeNull();
    const refusal = lockRefusal(state({ target: { status: 'dept_approved', kind: 'project' } }), 'declaration', null);
    expect(refusal?.getStatus()).toBe(409);
    expect(refusal?.message).toContain('「部门已审」');
  });

  it('monitoring and self-evaluation files need the approved target; self-evaluation ones an editable self-evaluation', () => {
    const approved = { target: { status: 'approved' as const, kind: 'project' as const } };
    expect(lockRefusal(state(), 'monitoring', null)?.getStatus()).toBe(409);
    expect(lockRefusal(state(approved), 'monitoring', null)).toBeNull();
    expect(lockRefusal(state(approved), 'evaluation', null)).toBeNull();
    expect(lockRefusal(state({ ...approved, evaluation: 'approved' }), 'evaluation', null)?.message).toContain('自评处于「已批复」状态');
    expect(editRights(state({ ...approved, evaluation: 'submitted' }))).toEqual({ declaration: false, monitoring: true, evaluation: false, rectifications: [] });
  });

  it('a notice’s files change while it awaits the answer; a file without a notice follows any such notice', () => {
    const rectifications = new Map([
      ['a', 'issued' as const],
      ['b', 'accepted' as const],
    ]);
    expect(lockRefusal(state({ rectifications }), 'rectification', 'a')).toBeNull();
    expect(lockRefusal(state({ rectifications }), 'rectification', 'b')?.message).toContain('「已完成」');
    expect(lockRefusal(state({ rectifications }), 'rectification', null)).toBeNull();
    expect(lockRefusal(state(), 'rectification', null)?.getStatus()).toBe(409);
    expect(editRights(state({ rectifications })).rectifications).toEqual(['a']);
  });
});
