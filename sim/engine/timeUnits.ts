/**
 * The engine's time units: it simulates in seconds; plans speak in hours and years (a year is 8,760
 * hours, a month a twelfth of it). Pure constants; imports nothing.
 */
export const HOUR = 3600;
export const HOURS_PER_YEAR = 8760;
export const YEAR_SECONDS = HOURS_PER_YEAR * HOUR;
export const MONTH_SECONDS = 730 * HOUR;
