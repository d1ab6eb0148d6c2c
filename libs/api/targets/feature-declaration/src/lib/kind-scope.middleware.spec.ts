import { narrowedKind } from '@pt/api/targets/data-access';
import type { Request, Response } from 'express';
import { ProjectsKindScope } from './kind-scope.middleware';

/** The kind the rest of a request to `url` runs in. */
function kindFor(url: string): string | undefined {
  let seen: string | undefined = 'not called';
  new ProjectsKindScope().use({ originalUrl: url } as Request, {} as Response, () => {
    seen = narrowedKind();
  });
  return seen;
}

describe('ProjectsKindScope', () => {
  it.each(['/api/projects', '/api/projects?year=2027', '/api/projects/', '/api/projects/1f0c/transitions', '/api/Projects/1f0c', '/api/projects/years'])(
    'narrows %s to projects',
    (url) => expect(kindFor(url)).toBe('project'),
  );

  it.each(['/api/targets', '/api/targets/1f0c', '/api/projectsx', '/api/exports?year=2027', '/api/transitions', '/api/monitoring?year=2027'])('leaves %s to every kind', (url) =>
    expect(kindFor(url)).toBeUndefined(),
  );

  it('ends with the request: nothing stays narrowed after it', () => {
    kindFor('/api/projects/1');
    expect(narrowedKind()).toBeUndefined();
  });
});
