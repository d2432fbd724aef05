import type { CatalogPart } from './catalog-entry.ts';

/** Findings raised by the validate stage. Each key is a stable finding code. */
export const validateFindings = {} as const satisfies CatalogPart;
