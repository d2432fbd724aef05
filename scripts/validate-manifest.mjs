#!/usr/bin/env node
/**
 * Offline validation of the add-in manifest: `node scripts/validate-manifest.mjs manifest.xml`
 * (`npm run validate`).
 *
 * - XSD validation (xmllint-wasm) against ../shared/schemas/office-manifest, or $DUBAN_MANIFEST_SCHEMAS;
 *   a missing schema folder is a note locally and a failure in CI (CI=1);
 * - our own checks (see manifest-checks.mjs): resids, unique resources, one https origin, icon files and
 *   sizes, zh-CN defaults with en-US overrides, zh-CN / ReadWriteDocument / ExcelApi ≤ 1.8.
 *
 * Icons are looked up in the repository this script belongs to (its parent folder), whatever the manifest's
 * own location, so a copy of the manifest elsewhere is checked against our assets/.
 *
 * Prints one line per problem (Chinese, then English, with file:line and element) and exits 1; prints a
 * one-line summary and exits 0 when clean; exits 2 on bad usage or an unreadable file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, validateManifest } from './manifest-checks.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv) {
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    console.error('用法 / usage: node scripts/validate-manifest.mjs <manifest.xml>');
    return 2;
  }
  const manifestPath = path.resolve(argv[0]);
  const relative = path.relative(process.cwd(), manifestPath);
  const shown = relative && !relative.startsWith('..') ? relative : manifestPath;
  let text;
  try {
    text = readFileSync(manifestPath, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`无法读取清单 / cannot read the manifest: ${shown} (${reason})`);
    return 2;
  }
  const result = await validateManifest(text, { repoRoot, env: process.env, fileName: path.basename(shown) });
  for (const note of result.notes) console.log(note);
  if (result.problems.length > 0) {
    for (const p of result.problems) console.error(formatProblem(p, shown));
    console.error(
      `清单校验失败：${result.problems.length} 个问题 / manifest validation failed: ${result.problems.length} problem(s)`,
    );
    return 1;
  }
  const s = result.stats;
  const xsd =
    { valid: 'XSD 通过 / XSD valid', skipped: 'XSD 已跳过 / XSD skipped' }[result.xsd] ?? result.xsd;
  console.log(
    `${shown} 校验通过 / is valid — ${xsd}; ${s.references} resid → ${s.resources} resources, ` +
      `${s.urls} URLs on one https origin, ${s.icons} icon URLs, ${s.strings} zh-CN + en-US strings`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
