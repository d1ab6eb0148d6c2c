// Moved to @pt/web/shared/data-access (the year filter of every page); this re-export goes once the imports switch.
export { openingYear, withDataYears } from '@pt/web/shared/data-access';
