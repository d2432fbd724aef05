/**
 * The fake's host document as JSON, so the server can load an .xlsx with everything the fake models
 * (`createFakeExcelFromXlsx`: values, formats, fills, fonts, borders, widths, heights, the user's conditional
 * formats, validations, merges, print setup…) and the page can run a fake over the same document
 * (`createFakeExcelOver`). Maps and Sets travel as `{ "$map": [[k, v], …] }` / `{ "$set": […] }`; holes in
 * arrays (missing cells) travel as null and come back as holes. Functions (onChanged handlers) are not sent:
 * a freshly loaded document has none.
 *
 * No node:* here: the page imports {@link reviveHost}.
 */

/** JSON.stringify replacer: Maps and Sets as tagged arrays. */
export function hostReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...(value as Map<unknown, unknown>).entries()] };
  if (value instanceof Set) return { $set: [...(value as Set<unknown>)] };
  return value;
}

/**
 * JSON.parse reviver undoing {@link hostReplacer}: tagged arrays back to Maps and Sets, null array entries
 * back to holes (returning undefined from a reviver deletes the entry). The host document has no array that
 * holds null on purpose.
 */
export function hostReviver(this: unknown, _key: string, value: unknown): unknown {
  if (value === null && Array.isArray(this)) return undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length === 1 && Array.isArray(record['$map'])) {
      return new Map(record['$map'] as [unknown, unknown][]);
    }
    if (keys.length === 1 && Array.isArray(record['$set'])) return new Set(record['$set'] as unknown[]);
  }
  return value;
}
