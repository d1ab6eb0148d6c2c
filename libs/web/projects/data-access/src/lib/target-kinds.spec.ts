import { kindColor, kindLabel, parseKind, TARGET_KIND_OPTIONS } from './target-kinds';

describe('target kinds', () => {
  it('offers the three kinds with the catalogue labels, projects first', () => {
    expect(TARGET_KIND_OPTIONS.map((o) => o.label)).toEqual(['项目', '部门（单位）整体', '政策']);
  });

  it('names a kind, a missing kind as a project and an unknown one as it is', () => {
    expect(kindLabel('department')).toBe('部门（单位）整体');
    expect(kindLabel(undefined)).toBe('项目');
    expect(kindLabel('other')).toBe('other');
    expect(kindColor('policy')).toBe('purple');
  });

  it('reads a kind from a link and drops anything else', () => {
    expect(parseKind('policy')).toBe('policy');
    expect(parseKind('Policy')).toBeNull();
    expect(parseKind(null)).toBeNull();
  });
});
