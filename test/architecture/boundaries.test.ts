import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTree, importSpecifiers } from './layer-rules.ts';

const root = path.resolve(import.meta.dirname, '../..');
const src = path.join(root, 'src');

describe('layer boundaries (ARCHITECTURE.md §4)', () => {
  it('the source tree has no forbidden import', () => {
    expect(checkTree(src)).toEqual([]);
  });

  it('finds every kind of import specifier', () => {
    const source = `import a from 'x';\nimport type { T } from "y";\nexport * from './z.ts';\nimport 'side';\nconst m = await import('dyn');`;
    expect(importSpecifiers(source)).toEqual(['x', 'y', './z.ts', 'side', 'dyn']);
  });

  it('flags a core module importing exceljs, node:fs or the Office.js adapter', () => {
    const file = path.join(src, 'core', 'bad.ts');
    const source = `import ExcelJS from 'exceljs';\nimport { readFileSync } from 'node:fs';\nimport { OfficeWorkbook } from '../excel/office-workbook.ts';`;
    expect(checkFile(file, source, src).map((v) => v.specifier)).toEqual([
      'exceljs',
      'node:fs',
      '../excel/office-workbook.ts',
    ]);
  });

  it('flags the task pane importing the Node side and the CLI importing React', () => {
    expect(
      checkFile(path.join(src, 'taskpane', 'X.tsx'), `import { x } from '../xlsx/xlsx-workbook.ts';`, src),
    ).toHaveLength(1);
    expect(checkFile(path.join(src, 'cli', 'x.ts'), `import React from 'react';`, src)).toHaveLength(1);
    expect(
      checkFile(path.join(src, 'cli', 'x.ts'), `import { a } from '../xlsx/xlsx-workbook.ts';`, src),
    ).toEqual([]);
  });

  it('the core compiles without DOM, Node or Office.js types', () => {
    // Strip // comments: tsconfig files are JSON with comments.
    const raw = readFileSync(path.join(root, 'tsconfig.core.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const config = JSON.parse(raw) as {
      compilerOptions: { lib: string[]; types: string[] };
      include: string[];
    };
    expect(config.compilerOptions.lib).toEqual(['ES2022']);
    expect(config.compilerOptions.types).toEqual([]);
    expect(config.include).toEqual(['src/core/**/*.ts']);
  });
});
