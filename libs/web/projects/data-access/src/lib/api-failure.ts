// Moved to @pt/web/shared/data-access (the one API failure mapping of the web); this re-export goes once the imports switch.
export { ifMatch, toApiFailure, versionFromEtag } from '@pt/web/shared/data-access';
export type { ApiFailure } from '@pt/web/shared/data-access';
