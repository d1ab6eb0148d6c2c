import { textOrNull } from './text';

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
