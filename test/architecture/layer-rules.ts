/**
 * The layer boundaries of ARCHITECTURE.md §4 as data, and a checker over import specifiers. The same table
 * is enforced by eslint's no-restricted-imports; this test fails even if lint is skipped.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type Layer = 'core' | 'excel' | 'xlsx' | 'cli' | 'taskpane' | 'commands';

/** Layers each layer may import from (besides itself). */
export const ALLOWED_LAYERS: Record<Layer, readonly Layer[]> = {
  core: [],
  excel: ['core'],
  xlsx: ['core'],
  cli: ['core', 'xlsx'],
  taskpane: ['core', 'excel'],
  commands: ['core', 'excel'],
};

/** Packages each layer may not import. `node:*` means every Node built-in. */
export const FORBIDDEN_PACKAGES: Record<Layer, readonly string[]> = {
  core: ['node:*', 'exceljs', 'react', 'react-dom', '@fluentui/*', 'office-js', 'fs', 'path'],
  excel: ['node:*', 'exceljs'],
  xlsx: ['react', 'react-dom', '@fluentui/*'],
  cli: ['react', 'react-dom', '@fluentui/*'],
  taskpane: ['node:*', 'exceljs'],
  commands: ['node:*', 'exceljs'],
};

/** Import specifiers of a TypeScript source (static imports, re-exports and dynamic imports). */
export function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  // import x from 'a'; import type { T } from "b"; export * from 'c'; import 'd'; await import('e')
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(re)) if (m[1] !== undefined) out.push(m[1]);
  return out;
}

function layerOfPath(file: string, srcRoot: string): Layer | null {
  const rel = path.relative(srcRoot, file).split(path.sep);
  const top = rel[0];
  return top === 'core' ||
    top === 'excel' ||
    top === 'xlsx' ||
    top === 'cli' ||
    top === 'taskpane' ||
    top === 'commands'
    ? top
    : null;
}

function matchesPackage(spec: string, pattern: string): boolean {
  if (pattern === 'node:*') return spec.startsWith('node:');
  if (pattern.endsWith('/*')) return spec.startsWith(pattern.slice(0, -1));
  return spec === pattern || spec.startsWith(pattern + '/');
}

/** One violation. */
export interface Violation {
  readonly file: string;
  readonly specifier: string;
  readonly reason: string;
}

/** Check one file's imports against the rules. */
export function checkFile(file: string, source: string, srcRoot: string): Violation[] {
  const layer = layerOfPath(file, srcRoot);
  if (!layer) return [];
  const violations: Violation[] = [];
  for (const spec of importSpecifiers(source)) {
    if (spec.startsWith('.')) {
      const target = layerOfPath(path.resolve(path.dirname(file), spec), srcRoot);
      if (target === null) {
        violations.push({ file, specifier: spec, reason: `imports outside src/` });
      } else if (target !== layer && !ALLOWED_LAYERS[layer].includes(target)) {
        violations.push({ file, specifier: spec, reason: `${layer} may not import ${target}` });
      }
    } else {
      const bad = FORBIDDEN_PACKAGES[layer].find((p) => matchesPackage(spec, p));
      if (bad !== undefined)
        violations.push({ file, specifier: spec, reason: `${layer} may not import ${spec}` });
    }
  }
  return violations;
}

/** Every .ts/.tsx file under a folder. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** Check the whole tree. */
export function checkTree(srcRoot: string): Violation[] {
  return sourceFiles(srcRoot).flatMap((f) => checkFile(f, readFileSync(f, 'utf8'), srcRoot));
}
