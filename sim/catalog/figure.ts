/**
 * The Figure wrapper every catalog number travels in: a value plus where it came from and how sure
 * we are. Pure types and tiny helpers; must not import anything outside sim/model.
 */

/** 'published': read in a provider's or author's text (the research's P and P2 flags);
 *  'estimated': derived, fitted or judged (the research's E and U flags). */
export type FigureFlag = 'published' | 'estimated';

/** Provenance of a figure, without its value (for tables whose entries share one source). */
export interface FigureMeta {
  source: string;
  /** When the source said it: YYYY-MM or YYYY-MM-DD. */
  asOf: string;
  flag: FigureFlag;
  note?: string;
}

export interface Figure<T> extends FigureMeta {
  value: T;
}

/** The research's P2 flag maps to 'published' with this note, so a reader knows to re-check it. */
export const SECONDARY_SOURCE = 'secondary source';

/** The compiled research's own date: estimates derived from it are "as of" this month. */
export const RESEARCH_AS_OF = '2026-06';
export const RESEARCH = 'shared/reference/catalog-research.md';
