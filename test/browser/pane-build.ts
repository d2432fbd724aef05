/**
 * The production task-pane bundle for the browser tests: `webpack --mode production` (the same config and
 * mode as `npm run build`) into a folder of its own under test-output/, named by a hash of the build's
 * inputs. A second run with unchanged sources reuses it (≈0 s instead of ≈25 s); any change to the add-in's
 * sources, the webpack or TypeScript config, the lock file, the manifest or the icons builds afresh.
 *
 * Why not serve dist/: it may be stale (built before the last edit), a development build (`build:dev`), or
 * wiped half-way by a concurrent `npm run build` (webpack's `clean: true`) while a test reads it. A folder
 * named by its inputs' hash, filled under a temporary name and renamed into place, has none of these
 * problems, and two processes building at once both end with a complete folder.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the browser tests keep their builds. */
export const BUILD_ROOT = path.join(ROOT, 'test-output', 'browser');

/**
 * Files and folders whose content decides the bundle (relative to the root). src/xlsx and src/cli are left
 * out: the add-in never loads the Node side (eslint and the architecture test enforce it), so editing them
 * does not cost a rebuild.
 */
const INPUTS = [
  'src/core',
  'src/excel',
  'src/taskpane',
  'src/commands',
  'assets',
  'webpack.config.js',
  'tsconfig.base.json',
  'tsconfig.web.json',
  'package-lock.json',
  'manifest.xml',
];

/** Marks a finished build; a folder without it is a build that was interrupted. */
const DONE_MARKER = '.build-complete';

/** The paths under `dir`, recursively, sorted, relative to ROOT. */
function listFiles(rel: string): string[] {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs)
    .sort()
    .flatMap((name) => listFiles(path.join(rel, name)));
}

/** A hash of every input file's path and content. */
export function inputsHash(): string {
  const hash = createHash('sha256');
  for (const rel of INPUTS.flatMap(listFiles)) {
    hash.update(rel.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(path.join(ROOT, rel)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** A finished build. */
export interface PaneBuild {
  /** The folder holding taskpane.html and its script. */
  readonly dir: string;
  /** Whether this call ran webpack (false: an earlier build of the same inputs was reused). */
  readonly built: boolean;
  /** Milliseconds webpack took (0 when reused). */
  readonly buildMs: number;
}

function runWebpack(outDir: string): Promise<void> {
  const cli = path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '--mode', 'production', '--output-path', outDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(new Error(`webpack --mode production exited with ${String(code)}:\n${output.slice(-4000)}`));
    });
  });
}

/** How many builds to keep: a run that started on an older build (sources edited meanwhile) keeps its files. */
const KEEP_BUILDS = 3;

/** Remove all but the newest builds, and temporary folders of builds interrupted more than an hour ago. */
async function pruneBuilds(root: string): Promise<void> {
  const hourAgo = Date.now() - 3_600_000;
  const entries = readdirSync(root).map((name) => ({ name, mtime: statSync(path.join(root, name)).mtimeMs }));
  const builds = entries.filter((e) => e.name.startsWith('pane-')).sort((a, b) => b.mtime - a.mtime);
  const stale = [
    ...builds.slice(KEEP_BUILDS),
    ...entries.filter((e) => e.name.startsWith('tmp-') && e.mtime < hourAgo),
  ];
  for (const { name } of stale) await rm(path.join(root, name), { recursive: true, force: true });
}

/** Build the production task pane unless a build of the same inputs exists; return its folder. */
export async function ensurePaneBuild(): Promise<PaneBuild> {
  const hash = inputsHash();
  const dir = path.join(BUILD_ROOT, `pane-${hash}`);
  if (existsSync(path.join(dir, DONE_MARKER))) {
    // Mark it recently used, so pruning keeps it.
    const now = new Date();
    utimesSync(dir, now, now);
    return { dir, built: false, buildMs: 0 };
  }

  await mkdir(BUILD_ROOT, { recursive: true });
  const temp = path.join(BUILD_ROOT, `tmp-${hash}-${String(process.pid)}`);
  const started = performance.now();
  await runWebpack(temp);
  const buildMs = performance.now() - started;
  await mkdir(path.join(temp, DONE_MARKER));
  if (existsSync(path.join(dir, DONE_MARKER))) {
    // Another process finished the same build meanwhile (and may be serving it): keep theirs.
    await rm(temp, { recursive: true, force: true });
  } else {
    await rm(dir, { recursive: true, force: true }); // an interrupted build of the same inputs, if any
    try {
      await rename(temp, dir);
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      if (!existsSync(path.join(dir, DONE_MARKER))) throw error;
    }
  }
  await pruneBuilds(BUILD_ROOT);
  return { dir, built: true, buildMs };
}
