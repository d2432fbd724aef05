import type { CatalogPart } from './catalog-entry.ts';

/** Findings raised by the breakdown stage. Each key is a stable finding code. */
export const breakdownFindings = {} as const satisfies CatalogPart;
