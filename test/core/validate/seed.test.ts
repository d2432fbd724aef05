/**
 * The seed table (泰山区 2024 重点工作任务分解表, 52 rows) as a reader would give it, validated. Units and
 * owners are parsed here by hand from the seed's text; only the sub-tasks the checks below depend on are
 * spelled out (the rest of the rows have none, so they are not judged vague).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RawCell } from '../../../src/core/grid.ts';
import type { Person } from '../../../src/core/table-model.ts';
import { renderFinding } from '../../../src/core/findings/catalog.ts';
import { validateTable } from '../../../src/core/validate/index.ts';
import {
  SEED_LAYOUT,
  buildBreakdown,
  buildGrid,
  buildTable,
  indicator,
  person,
  ref,
  role,
  subTask,
  summary,
} from './fixtures.ts';

interface SeedRow {
  readonly serial: string;
  readonly unit: string;
  readonly target: string;
  readonly owner: string;
}

const seed = JSON.parse(
  readFileSync(new URL('../../../seeds/taishan-2024.json', import.meta.url), 'utf8'),
) as {
  rows: SeedRow[];
};

/** Sheet row of seed row n: 附件 line, title, header, then the rows (serial 1 on the user's row 4). */
function sheetRow(serial: number): number {
  return serial + 2;
}

function ownersOf(text: string): Person[] {
  if (text === '宋杰（宋海峰/亓子超）') {
    return [person('宋杰', '宋杰', { deputies: [person('宋海峰'), person('亓子超')] })];
  }
  if (text === '各产业链\n组长') return [role(text, '各产业链组长')];
  // Every space goes from the key: '周\u3000栋' → '周栋'; '陈  莹' → '陈莹'; '陈学刚' unchanged
  return [person(text, text.replace(/[\s\u3000]/g, ''))];
}

function seedInput(roster: readonly string[] | null = null) {
  const data: RawCell[][] = seed.rows.map((r) => [Number(r.serial), r.unit, r.target, r.owner]);
  const grid = buildGrid(SEED_LAYOUT, data, { headerRow: 2 });
  const table = buildTable(
    grid,
    SEED_LAYOUT,
    seed.rows.map((r) => ({
      row: sheetRow(Number(r.serial)),
      // The reader joins a unit broken over lines: '市生态环境局\n泰山分局' → '市生态环境局泰山分局'; '区发改局' unchanged
      units: [r.unit.replace(/\n/g, '')],
      owners: ownersOf(r.owner),
    })),
    { headerRow: 2 },
  );
  const c = (serial: number) => ref(sheetRow(serial), 2);
  const shared =
    '深化财税领域改革，推动土地财政向股权财政“进阶”，加快“沉睡”资产变增收“活水”，不断提升财税保障能力。';
  const breakdown = buildBreakdown(table, [
    subTask(sheetRow(8), 1, '一般公共预算收入增长5.6%左右；', c(8), {
      indicators: [indicator('approximate', '一般公共预算收入增长5.6%左右', 5.6, '%')],
    }),
    subTask(sheetRow(8), 2, shared, c(8), { indicators: [indicator('qualitative', shared)] }),
    subTask(sheetRow(28), 1, shared, c(28), { indicators: [indicator('qualitative', shared)] }),
    subTask(sheetRow(39), 1, '力促数字鹰。', c(39), { indicators: [indicator('qualitative', '力促数字鹰')] }),
    subTask(sheetRow(41), 1, '帅迪复工复产。', c(41), {
      indicators: [indicator('qualitative', '帅迪复工复产')],
    }),
    subTask(sheetRow(12), 1, '新改建“四好农村路”40公里。', c(12), {
      indicators: [indicator('cumulative', '新改建“四好农村路”40公里', 40_000, '米')],
    }),
  ]);
  return { grid, table, breakdown, roster };
}

describe('the seed table', () => {
  it('has the 52 rows the checks below count on', () => {
    expect(seed.rows).toHaveLength(52);
    expect(seed.rows[7]?.unit).toBe('区财政局');
    expect(seed.rows[27]?.unit).toBe('区税务局');
  });

  it('raises exactly the findings worked out by hand', () => {
    const f = validateTable(seedInput());
    // Owners with spaces (serials 2 3 5 7 9 13 15 16 21 24 32 34 39 40 43 45 46 49 → D row = serial + 3);
    // one person, several units: 曹磊 (5, 45), 孙大伟 (12, 44), 王国然 (30, 47), 曹振华 (50, 51);
    // the shared sentence of 区财政局 (8) and 区税务局 (28); vague targets 28, 39 (力促数字鹰), 41 (帅迪复工复产).
    expect(summary(f)).toEqual([
      'owner_spaces_normalised@D5',
      'owner_spaces_normalised@D6',
      'owner_multiple_units@D8',
      'owner_spaces_normalised@D8',
      'owner_spaces_normalised@D10',
      'subtask_shared@C11',
      'owner_spaces_normalised@D12',
      'owner_multiple_units@D15',
      'owner_spaces_normalised@D16',
      'owner_spaces_normalised@D18',
      'owner_spaces_normalised@D19',
      'owner_spaces_normalised@D24',
      'owner_spaces_normalised@D27',
      'subtask_shared@C31',
      'target_vague@C31',
      'owner_multiple_units@D33',
      'owner_spaces_normalised@D35',
      'owner_spaces_normalised@D37',
      'target_vague@C42',
      'owner_spaces_normalised@D42',
      'owner_spaces_normalised@D43',
      'target_vague@C44',
      'owner_spaces_normalised@D46',
      'owner_spaces_normalised@D48',
      'owner_spaces_normalised@D49',
      'owner_spaces_normalised@D52',
      'owner_multiple_units@D53',
    ]);
    const multi = f.filter((x) => x.code === 'owner_multiple_units').map((x) => x.params);
    expect(multi).toEqual([
      { owner: '曹磊', units: '区工信局、卫星互联网产业专班', count: 2 },
      { owner: '孙大伟', units: '区交运局、济枣高铁指挥部', count: 2 },
      { owner: '王国然', units: '区金融发展服务中心、康平纳专班', count: 2 },
      { owner: '曹振华', units: '区营转办、区政务公开服务中心', count: 2 },
    ]);
    expect(f.find((x) => x.code === 'owner_spaces_normalised')?.params).toEqual({
      name: '周　栋',
      normalised: '周栋',
    });
  });

  it('reports the units missing from a roster, with the closest names', () => {
    const roster = seed.rows.map((r) => r.unit).filter((u) => u !== '区税务局' && u !== '区医保局');
    roster.push('区医疗保障局');
    const f = validateTable(seedInput(roster)).filter((x) => x.code.startsWith('unit_'));
    // 区医保局 abbreviates 区医疗保障局; 区税务局 is one character from 区商务局 and from no other name.
    expect(summary(f)).toEqual(['unit_not_in_roster_near@B27', 'unit_not_in_roster_near@B31']);
    expect(f[0]?.params).toEqual({ unit: '区医保局', suggestion: '区医疗保障局' });
    expect(f[1]?.params).toEqual({ unit: '区税务局', suggestion: '区商务局' });
  });

  it('renders every finding in both languages with its sheet and cell, and no placeholder left', () => {
    for (const finding of validateTable(seedInput())) {
      for (const lang of ['zh', 'en'] as const) {
        const r = renderFinding(finding, lang);
        expect(r.message.startsWith(r.cell ?? '?')).toBe(true);
        // A sheet-qualified A1 address: '分解表!D5' ✓, '分解表!AB12' ✓, 'D5' ✗
        expect(r.cell).toMatch(/^分解表![A-Z]+\d+$/);
        // A placeholder left unfilled: '{unit}' ✓, '{cell}' ✓, '｛单位｝' ✗
        expect(`${r.message} ${r.fix}`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
