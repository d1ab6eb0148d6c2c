import { labelOf, textOrNull } from './text';

describe('textOrNull', () => {
  it('trims a typed text and stores a missing or blank one as null', () => {
    expect(textOrNull('  达成 ')).toBe('达成');
    expect(textOrNull('0')).toBe('0');
    expect(textOrNull(' \t\n')).toBeNull();
    expect(textOrNull('')).toBeNull();
    expect(textOrNull(null)).toBeNull();
    expect(textOrNull(undefined)).toBeNull();
  });
});

describe('labelOf', () => {
  const labels = { draft: '草稿', approved: '已批复' };
  it.each([
    ['draft', '草稿'],
    ['approved', '已批复'],
    // an unknown code as it is, never an empty cell; an inherited name is no label
    ['archived', 'archived'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['', ''],
    [null, ''],
    [undefined, ''],
  ])('%p → %p', (code, label) => expect(labelOf(labels, code)).toBe(label));
});
