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
}

/** A part of the catalog, one per area of the core. */
export type CatalogPart = Readonly<Record<string, CatalogEntry>>;
