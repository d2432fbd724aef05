/**
 * Progress entries in one shape. A ledger row carries some columns and not others, and an entry built
 * field by field gets a different hidden class for every combination: the scorer, which reads a dozen
 * fields of each of up to 100 000 entries, then takes V8's slowest (megamorphic) property look-up on every
 * read. Built here, every entry has every field (absent ones `undefined`) in one order, so the reads are
 * plain loads. Entries built by hand still score the same; they are only read more slowly.
 */
import type { ProgressEntry } from './score-model.ts';

/**
 * An entry with every field present (`undefined` where not given).
 * @example progressEntry({ actual, status }).text === undefined
 */
export function progressEntry(fields: ProgressEntry): ProgressEntry {
  return {
    actual: fields.actual,
    actualFormat: fields.actualFormat,
    actualUnit: fields.actualUnit,
    indicatorActuals: fields.indicatorActuals,
    plan: fields.plan,
    planFormat: fields.planFormat,
    status: fields.status,
    text: fields.text,
    printedRate: fields.printedRate,
    printedRateFormat: fields.printedRateFormat,
    benchmark: fields.benchmark,
    benchmarkFormat: fields.benchmarkFormat,
    weight: fields.weight,
    category: fields.category,
  };
}

/** True when an entry carries nothing at all (every field absent). */
export function isEmptyProgress(entry: ProgressEntry): boolean {
  for (const key in entry) {
    if (entry[key as keyof ProgressEntry] !== undefined) return false;
  }
  return true;
}
