import type { CatalogPart } from './catalog-entry.ts';

/** Findings raised by the score stage. Each key is a stable finding code. */
export const scoreFindings = {} as const satisfies CatalogPart;
