import type { CatalogPart } from './catalog-entry.ts';

/** Findings raised by the table stage. Each key is a stable finding code. */
export const tableFindings = {} as const satisfies CatalogPart;
