import { batchFormats, batchQueryParams, fallbackFileName } from './export-query';

describe('export queries', () => {
  it('offers only xlsx for the publication list', () => {
    expect(batchFormats('publication')).toEqual(['xlsx']);
    expect(batchFormats('declaration')).toEqual(['xlsx', 'pdf', 'docx', 'zip']);
    expect(batchFormats('evaluation')).toEqual(['xlsx', 'pdf', 'docx', 'zip']);
  });

  it('leaves orgId out for all organisations', () => {
    expect(batchQueryParams({ year: 2024, orgId: null, form: 'declaration', format: 'zip' })).toEqual({ year: '2024', form: 'declaration', format: 'zip' });
    expect(batchQueryParams({ year: 2020, orgId: 'o1', form: 'publication', format: 'xlsx' })).toEqual({
      year: '2020',
      orgId: 'o1',
      form: 'publication',
      format: 'xlsx',
    });
  });

  it('names a file without Content-Disposition after the form', () => {
    expect(fallbackFileName('evaluation', 'pdf', 2024)).toBe('自评表-2024.pdf');
  });
});
