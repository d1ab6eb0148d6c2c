// Moved to @pt/web/shared/data-access (formatting for every page); this re-export goes once the imports switch.
export { formatMoney, normaliseMoney, sumMoney } from '@pt/web/shared/data-access';
