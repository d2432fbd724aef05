/**
 * Round trips and request sizes of a full score + highlight over the fake (issue 6 §5): ≤ 4 syncs for a
 * 5,000-row ledger, one more per further 5,000-row block, every request ≤ 4 MB.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookData } from '../../src/core/port/workbook-port.ts';
import { createFakeExcel } from '../fake-excel/fake-excel.ts';
import { bigLedger, SEEDS, sessionOver, xlsxData } from './session-fixtures.ts';

const LIMIT = 4_000_000;
let seed: WorkbookData;

beforeAll(async () => {
  seed = await xlsxData(path.join(SEEDS, 'taishan-2024-ledger-q2.xlsx'));
});

describe('round trips of score + highlight', () => {
  // 4,998 sub-tasks + title + header = 5,000 rows: one block.
  it('5,000-row ledger: 3 syncs on the first run, 4 on a re-run; every request ≤ 4 MB', async () => {
    const fake = createFakeExcel(bigLedger(seed, 4998));
    const session = sessionOver(fake);
    const first = await session.score({}, true);
    expect(first.ok && first.syncs).toBe(3);
    expect(fake.stats.syncs).toBe(3);
    const again = await session.score({}, true);
    expect(again.ok && again.syncs).toBe(4);
    expect(fake.stats.syncs).toBe(7);
    for (const r of fake.stats.requests) {
      expect(r.requestBytes).toBeLessThanOrEqual(LIMIT);
      expect(r.failed).toBeUndefined();
    }
  }, 60_000);

  // 10,000 sub-tasks = 10,002 rows: blocks of 5,000, 5,000 and 2 rows.
  it('10,000-row ledger: one more sync per further block, every request ≤ 4 MB', async () => {
    const fake = createFakeExcel(bigLedger(seed, 10_000));
    const session = sessionOver(fake);
    const first = await session.score({}, true);
    expect(first.ok && first.syncs).toBe(5);
    const again = await session.score({}, true);
    expect(again.ok && again.syncs).toBeLessThanOrEqual(6);
    for (const r of fake.stats.requests) {
      expect(r.requestBytes).toBeLessThanOrEqual(LIMIT);
      expect(r.failed).toBeUndefined();
    }
  }, 60_000);

  it('clear of a 5,000-row ledger takes 4 syncs', async () => {
    const fake = createFakeExcel(bigLedger(seed, 4998));
    const session = sessionOver(fake);
    await session.score({}, true);
    const cleared = await session.clear();
    expect(cleared.syncs).toBe(4);
  }, 60_000);
});
