/**
 * Golden test: every seed row broken down exactly as worked out by hand in seed-rows/seed-rows.golden.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breakDownTarget } from '../../src/core/breakdown/break-down-target.ts';
import type { SubTask } from '../../src/core/breakdown-model.ts';
import { SEED_ROWS } from './seed-rows/seed-rows.golden.ts';
import type { GoldenSubTask } from './seed-rows/golden-types.ts';

interface SeedJson {
  readonly rows: readonly { serial: string; unit: string; target: string }[];
}

const seed = JSON.parse(
  readFileSync(new URL('../../seeds/taishan-2024.json', import.meta.url), 'utf8'),
) as SeedJson;

function project(s: SubTask): GoldenSubTask {
  return {
    id: s.id,
    text: s.text,
    deadline: s.deadline,
    indicators: s.indicators.map((i) => ({
      metric: i.metric,
      kind: i.kind,
      comparator: i.comparator,
      value: i.value,
      valueMax: i.valueMax,
      unit: i.unit,
    })),
  };
}

describe('seed golden file', () => {
  it('covers all 52 rows, in order, with the seed text verbatim', () => {
    expect(SEED_ROWS.map((r) => r.serial)).toEqual(Array.from({ length: 52 }, (_, k) => String(k + 1)));
    expect(seed.rows).toHaveLength(52);
    SEED_ROWS.forEach((row, k) => {
      expect(row.text).toBe(seed.rows[k]?.target);
      expect(row.unit).toBe(seed.rows[k]?.unit);
    });
  });

  it('lists sub-task texts that occur in their row, in order, with ids serial.01, .02 …', () => {
    for (const row of SEED_ROWS) {
      let from = 0;
      row.subTasks.forEach((s, k) => {
        expect(s.id).toBe(`${row.serial}.${String(k + 1).padStart(2, '0')}`);
        const at = row.text.indexOf(s.text, from);
        expect(at, `${s.id} not found after offset ${from}`).toBeGreaterThanOrEqual(0);
        from = at + s.text.length;
      });
    }
  });
});

describe.each(SEED_ROWS.map((r) => [r.serial, r.unit, r] as const))(
  'seed row %s (%s)',
  (serial, _unit, row) => {
    const result = breakDownTarget(row.text, {
      planYear: 2024,
      serial,
      at: { sheet: '分解表', row: 2 + Number(serial), col: 2 },
      units: [row.unit],
      owners: [],
      taskRow: 2 + Number(serial),
    });

    it('breaks down into the hand-worked sub-tasks and indicators', () => {
      expect(result.subTasks.map(project)).toEqual(row.subTasks);
    });

    it('raises the expected findings', () => {
      expect(result.findings.map((f) => f.code)).toEqual(row.findings ?? []);
      const dropped = result.findings
        .filter((f) => f.code === 'duplicate_sentence')
        .map((f) => f.params['sentence']);
      expect(dropped).toEqual(row.dropped ?? []);
    });
  },
);
