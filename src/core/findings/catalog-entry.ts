import type { Severity } from '../findings.ts';

/**
 * One catalog entry: default severity, message templates and the suggested fix in both languages.
 * Templates use `{name}` placeholders filled from the finding's params; `{cell}` is always available.
 */
export interface CatalogEntry {
  readonly severity: Severity;
  readonly zh: string;
  readonly en: string;
  readonly fixZh: string;
  readonly fixEn: string;
  /**
   * The code of an earlier stage's finding that states the same fact. When both are reported at one cell
   * in one run (the table check and scoring both count an over-long progress text), only that one is kept.
   */
  readonly sameAs?: string;
}

/** A part of the catalog, one per area of the core. */
export type CatalogPart = Readonly<Record<string, CatalogEntry>>;
