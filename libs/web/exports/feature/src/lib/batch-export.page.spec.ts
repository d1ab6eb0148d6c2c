import { batchFormOf } from './batch-export.page';

describe('batchFormOf', () => {
  it('asks for the form of every kind when no kind is chosen', () => {
    expect(batchFormOf('declaration', 'all')).toBe('declaration');
    expect(batchFormOf('evaluation', 'all')).toBe('evaluation');
  });
  it("narrows to a kind's named form when a kind is chosen", () => {
    expect(batchFormOf('declaration', 'department')).toBe('department-declaration');
    expect(batchFormOf('evaluation', 'policy')).toBe('policy-evaluation');
  });
  it('keeps the publication list whole: it holds every kind', () => {
    expect(batchFormOf('publication', 'department')).toBe('publication');
  });
});
