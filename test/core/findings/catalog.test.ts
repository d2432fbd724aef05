/**
 * The findings catalog's cross-references: a `sameAs` must name another finding of the catalog, one with
 * the same placeholders, so keeping it instead loses nothing the message said.
 */
import { describe, expect, it } from 'vitest';
import { FINDING_CATALOG } from '../../../src/core/findings/catalog.ts';
import type { CatalogEntry } from '../../../src/core/findings/catalog-entry.ts';

const entries = Object.entries(FINDING_CATALOG as Readonly<Record<string, CatalogEntry>>);
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('sameAs', () => {
  const linked = entries.filter(([, e]) => e.sameAs !== undefined);

  it('is used (the progress-length check is shared by the table check and scoring)', () => {
    expect(linked.map(([code, e]) => [code, e.sameAs])).toContainEqual([
      'score_progress_text_too_long',
      'progress_too_long',
    ]);
  });

  it.each(linked)('%s names a different finding with the same placeholders', (code, entry) => {
    const other = (FINDING_CATALOG as Readonly<Record<string, CatalogEntry>>)[entry.sameAs ?? ''];
    expect(other).toBeDefined();
    expect(entry.sameAs).not.toBe(code);
    expect(placeholders(other?.zh ?? '')).toEqual(placeholders(entry.zh));
  });
});
