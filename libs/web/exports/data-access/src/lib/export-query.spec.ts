// the contracts' DTO classes (imported here for ApiPaths) need the decorator metadata API
import 'reflect-metadata';
import { ApiPaths } from '@pt/shared/api-types';
import { batchFormats, batchQueryParams, EXPORT_PATHS, fallbackFileName } from './export-query';

describe('export queries', () => {
  it('uses the contract paths', () => {
    expect(EXPORT_PATHS.project('a b')).toBe(ApiPaths.projectExport('a b'));
    expect(EXPORT_PATHS.batch).toBe(ApiPaths.exports);
    expect(EXPORT_PATHS.importText).toBe(ApiPaths.importText);
    expect(EXPORT_PATHS.importXlsx).toBe(ApiPaths.importXlsx);
    expect(EXPORT_PATHS.jobs).toBe(ApiPaths.exportJobs);
    expect(EXPORT_PATHS.job('a/b')).toBe(ApiPaths.exportJob('a/b'));
    expect(EXPORT_PATHS.jobFile('x')).toBe(ApiPaths.exportJobFile('x'));
  });

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
