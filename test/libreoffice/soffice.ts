/**
 * LibreOffice as a second, independent reader of the workbooks we write (issue 5 §3): convert .xlsx to PDF
 * and back to .xlsx with `soffice --headless`, and look at the PDF with poppler (`pdftotext`, `pdffonts`,
 * `pdfinfo`, `pdftoppm`).
 *
 * Every soffice call gets its own throw-away profile directory (`-env:UserInstallation`): two soffice
 * processes sharing a profile do not run side by side — the second hands its work to the first and exits —
 * so a fresh profile is what makes parallel test files safe. It costs ≈0.3 s per call, so convert several
 * files in one call (`convertAllToPdf`, `roundTripAll`) rather than one call per file.
 *
 * soffice exits 0 even when it could not load a file, so success is judged by the output files appearing.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The external programs the LibreOffice checks use, and the Debian package each comes from. */
export const RENDER_TOOLS = {
  soffice: 'libreoffice-calc',
  pdftotext: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdftoppm: 'poppler-utils',
} as const;

/** One of the programs in `RENDER_TOOLS`. */
export type RenderTool = keyof typeof RENDER_TOOLS;

/** The apt line that installs everything the checks need (the same list `.ci/run` installs). */
export const INSTALL_HINT =
  'apt-get install -y --no-install-recommends libreoffice-calc fonts-noto-cjk poppler-utils';

/** The xlsx export filter LibreOffice names "Excel 2007–365". */
const XLSX_FILTER = 'xlsx:Calc MS Excel 2007 XML';

/** Default time limit for one soffice call (it is ≈1–2 s; a loaded 2-core machine can be much slower). */
const DEFAULT_TIMEOUT_MS = 120_000;

const toolCache = new Map<string, string | null>();

/** The absolute path of `program` on PATH, or null. */
export function findOnPath(program: string): string | null {
  const cached = toolCache.get(program);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      found = candidate;
      break;
    } catch {
      // not in this directory; keep looking
    }
  }
  toolCache.set(program, found);
  return found;
}

/** Whether LibreOffice's `soffice` is on PATH. */
export function hasSoffice(): boolean {
  return findOnPath('soffice') !== null;
}

/** The programs of `RENDER_TOOLS` that are not on PATH (empty when everything is installed). */
export function missingTools(): RenderTool[] {
  return (Object.keys(RENDER_TOOLS) as RenderTool[]).filter((tool) => findOnPath(tool) === null);
}

/** What the skip policy decided for this run. */
export interface SofficePolicy {
  /** Run the LibreOffice tests (soffice is installed). */
  readonly run: boolean;
  /** Why they do not run, or '' when they do. */
  readonly skipReason: string;
  /** Set when the run must fail: in CI a missing tool is an error, not a skip. */
  readonly failure: string | null;
}

/** Whether `env` describes a CI run: `CI` set to anything but '', '0' or 'false'. */
export function isCi(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * The skip rule of issue 5 §3: without soffice the LibreOffice tests are skipped with a message saying
 * so; in CI any missing tool fails the run instead (a skipped check there would pass silently).
 */
export function sofficePolicy(
  env: Readonly<Record<string, string | undefined>>,
  missing: readonly RenderTool[],
): SofficePolicy {
  const packages = [...new Set(missing.map((tool) => RENDER_TOOLS[tool]))];
  const what =
    missing.length === 0
      ? ''
      : `${missing.join(', ')} not found on PATH (Debian: ${packages.join(', ')}; ${INSTALL_HINT})`;
  const run = !missing.includes('soffice');
  return {
    run,
    skipReason: run ? '' : `LibreOffice checks skipped: ${what}`,
    failure: isCi(env) && missing.length > 0 ? `CI must run the LibreOffice checks, but ${what}` : null,
  };
}

/** A fresh directory under the system temp directory, e.g. `/tmp/duban-lo-AbC123`. */
export function makeTempDir(prefix = 'duban-lo-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** What a finished child process printed. */
interface ProcessResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run a program without a shell and collect its output. The child leads its own process group so that
 * on timeout the whole tree it started (soffice → oosplash → soffice.bin) is killed, not just the wrapper.
 */
function runProgram(
  program: string,
  args: readonly string[],
  timeoutMs: number,
  env: Readonly<Record<string, string>> = {},
): Promise<ProcessResult> {
  const resolved = findOnPath(program);
  if (resolved === null) {
    const pkg = program in RENDER_TOOLS ? RENDER_TOOLS[program as RenderTool] : 'its package';
    return Promise.reject(new Error(`${program} is not installed (Debian package ${pkg}; ${INSTALL_HINT})`));
  }
  return new Promise((resolve, reject) => {
    const child = spawn(resolved, [...args], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // the group is already gone
        }
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${program}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = {
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (timedOut) {
        reject(new Error(`${program} ${args.join(' ')} timed out after ${timeoutMs} ms${said(result)}`));
      } else {
        resolve(result);
      }
    });
  });
}

/** The program's own words, for error messages (without LibreOffice's harmless Java warning). */
function said(result: ProcessResult): string {
  const text = `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.includes('javaldx'))
    .join('\n');
  return text === '' ? '' : `\n--- it said ---\n${text}`;
}

/** Run a poppler tool; fail with its message on a non-zero exit. */
async function runTool(program: RenderTool, args: readonly string[], timeoutMs = 60_000): Promise<string> {
  const result = await runProgram(program, args, timeoutMs);
  if (result.code !== 0) {
    throw new Error(`${program} ${args.join(' ')} failed (exit ${String(result.code)})${said(result)}`);
  }
  return result.stdout;
}

/** Options for a soffice conversion. */
export interface ConvertOptions {
  /** Time limit for the whole soffice call, in ms (default 120 s). */
  readonly timeoutMs?: number;
  /** Extra environment variables for soffice (e.g. `FONTCONFIG_FILE`), on top of this process's. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Convert every file in `inputs` with one soffice call, writing `<outDir>/<base name>.<ext>`; returns the
 * output paths in input order. Existing outputs are removed first so a stale file never passes for a new one.
 */
async function convertAll(
  inputs: readonly string[],
  outDir: string,
  convertTo: string,
  ext: string,
  options: ConvertOptions,
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const absoluteOut = path.resolve(outDir);
  const outputs = inputs.map((input) => path.join(absoluteOut, `${path.parse(input).name}.${ext}`));
  const seen = new Set<string>();
  for (const [i, output] of outputs.entries()) {
    const input = path.resolve(inputs[i] ?? '');
    if (seen.has(output)) {
      throw new Error(`two inputs would both be converted to ${output}: give them different base names`);
    }
    seen.add(output);
    if (output === input) {
      throw new Error(`converting ${input} into its own directory would overwrite it: choose another outDir`);
    }
  }
  await mkdir(absoluteOut, { recursive: true });
  await Promise.all(outputs.map((output) => rm(output, { force: true })));
  const profile = makeTempDir('duban-lo-profile-');
  const started = performance.now();
  try {
    const result = await runProgram(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        convertTo,
        '--outdir',
        absoluteOut,
        ...inputs.map((input) => path.resolve(input)),
      ],
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      options.env,
    );
    const missing: string[] = [];
    for (const [i, output] of outputs.entries()) {
      const size = await stat(output).then(
        (s) => s.size,
        () => 0,
      );
      if (size === 0) missing.push(`${inputs[i] ?? ''} → ${output}`);
    }
    if (missing.length > 0) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      throw new Error(
        `LibreOffice did not convert ${missing.length} of ${inputs.length} file(s) to ${ext} ` +
          `(exit ${String(result.code)}, ${seconds} s):\n  ${missing.join('\n  ')}${said(result)}`,
      );
    }
    return outputs;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** Render one workbook to PDF with LibreOffice; returns `<outDir>/<base name>.pdf`. */
export async function convertToPdf(
  xlsxPath: string,
  outDir: string,
  options: ConvertOptions = {},
): Promise<string> {
  const [pdf] = await convertAll([xlsxPath], outDir, 'pdf', 'pdf', options);
  return pdf ?? '';
}

/** Render several workbooks to PDF in one soffice call; returns the PDF paths in input order. */
export function convertAllToPdf(
  xlsxPaths: readonly string[],
  outDir: string,
  options: ConvertOptions = {},
): Promise<string[]> {
  return convertAll(xlsxPaths, outDir, 'pdf', 'pdf', options);
}

/**
 * Open a workbook in LibreOffice and save it again as .xlsx (`<outDir>/<base name>.xlsx`, outDir must not
 * be the input's directory): the file LibreOffice wrote, to read back with `readBackWorkbook`.
 */
export async function roundTrip(
  xlsxPath: string,
  outDir: string,
  options: ConvertOptions = {},
): Promise<string> {
  const [xlsx] = await convertAll([xlsxPath], outDir, XLSX_FILTER, 'xlsx', options);
  return xlsx ?? '';
}

/** `roundTrip` for several workbooks in one soffice call; returns the new paths in input order. */
export function roundTripAll(
  xlsxPaths: readonly string[],
  outDir: string,
  options: ConvertOptions = {},
): Promise<string[]> {
  return convertAll(xlsxPaths, outDir, XLSX_FILTER, 'xlsx', options);
}

/** A page range for the poppler tools (1-based, inclusive). */
export interface PageRange {
  readonly firstPage?: number;
  readonly lastPage?: number;
}

function pageArgs(range: PageRange): string[] {
  const args: string[] = [];
  if (range.firstPage !== undefined) args.push('-f', String(range.firstPage));
  if (range.lastPage !== undefined) args.push('-l', String(range.lastPage));
  return args;
}

/** The PDF's text laid out as on the page (`pdftotext -layout`); pages are separated by form feeds. */
export function pdfText(pdf: string, range: PageRange = {}): Promise<string> {
  return runTool('pdftotext', ['-layout', '-enc', 'UTF-8', ...pageArgs(range), pdf, '-']);
}

/** One font as `pdffonts` lists it. */
export interface PdfFont {
  /** The name as listed, subset tag included: `BAAAAA+NotoSansCJKjp-Regular-VKana`. */
  readonly name: string;
  /** The name without the subset tag: `NotoSansCJKjp-Regular-VKana`. */
  readonly baseName: string;
  /** `Type 1`, `TrueType`, `CID Type 0C`, … */
  readonly type: string;
  readonly encoding: string;
  readonly embedded: boolean;
  readonly subset: boolean;
  readonly unicode: boolean;
}

/**
 * The fonts a PDF uses (`pdffonts`). Columns are cut where the dashed rule under the heading puts them,
 * since type and encoding names may contain spaces (`Type 1`, `CID TrueType`).
 */
export async function pdfFonts(pdf: string): Promise<PdfFont[]> {
  return parsePdfFonts(await runTool('pdffonts', [pdf]));
}

/** Parse `pdffonts` output (exported for tests). */
export function parsePdfFonts(output: string): PdfFont[] {
  const lines = output.split('\n');
  const ruleIndex = lines.findIndex((line) => line.startsWith('---'));
  const rule = lines[ruleIndex];
  if (ruleIndex < 0 || rule === undefined) throw new Error(`unexpected pdffonts output:\n${output}`);
  // Column spans from the dashed rule, e.g.:
  //   '----- ---- ---'  → [0,5) [6,10) [11,14)
  //   '-- -'            → [0,2) [3,4)
  //   '---'             → [0,3)
  //   ''                → no columns
  const spans = [...rule.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  if (spans.length < 6) throw new Error(`unexpected pdffonts heading:\n${output}`);
  const fonts: PdfFont[] = [];
  for (const line of lines.slice(ruleIndex + 1)) {
    if (line.trim() === '') continue;
    const cells = spans.map(([from, to], i) =>
      // the last column runs to the end of the line; the others stop where the next one starts
      line.slice(from, i === spans.length - 1 ? undefined : (spans[i + 1]?.[0] ?? to)).trim(),
    );
    const [name = '', type = '', encoding = '', emb = '', sub = '', uni = ''] = cells;
    fonts.push({
      name,
      // Subset tags are six capitals and a plus, e.g.:
      //   'BAAAAA+NotoSansCJKjp-Regular-VKana' → 'NotoSansCJKjp-Regular-VKana'
      //   'CAAAAA+DejaVuSans'                  → 'DejaVuSans'
      //   'Helvetica'                          → 'Helvetica' (no tag)
      baseName: name.replace(/^[A-Z]{6}\+/, ''),
      type,
      encoding,
      embedded: emb === 'yes',
      subset: sub === 'yes',
      unicode: uni === 'yes',
    });
  }
  return fonts;
}

/** What `pdfinfo` says about a PDF. */
export interface PdfInfo {
  readonly pages: number;
  /** The first page's size in points (1/72 inch). */
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly title: string;
  readonly producer: string;
}

/** Page count, page size, title and producer of a PDF (`pdfinfo`). */
export async function pdfInfo(pdf: string): Promise<PdfInfo> {
  const output = await runTool('pdfinfo', ['-enc', 'UTF-8', pdf]);
  const field = (key: string): string => {
    const line = output.split('\n').find((l) => l.startsWith(`${key}:`));
    return line === undefined ? '' : line.slice(key.length + 1).trim();
  };
  // Page size lines, e.g.:
  //   'Page size:       841.89 x 595.304 pts (A4)' → 841.89, 595.304
  //   'Page size:       612 x 792 pts (letter)'    → 612, 792
  //   'Page size:       595 x 842 pts'             → 595, 842
  const size = /^([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
  const pages = Number(field('Pages'));
  if (size === null || !Number.isInteger(pages)) throw new Error(`unexpected pdfinfo output:\n${output}`);
  return {
    pages,
    pageWidth: Number(size[1]),
    pageHeight: Number(size[2]),
    title: field('Title'),
    producer: field('Producer'),
  };
}

/** The resolution `pdfToPng` renders at, in dots per inch. */
export const PNG_DPI = 110;

/**
 * Render PDF pages to PNG at 110 dpi (`pdftoppm -png -r 110`) as `<prefix>-<n>.png`; returns the files
 * in page order. One PDF point is `PNG_DPI / 72` pixels.
 */
export function pdfToPng(pdf: string, prefix: string, range: PageRange = {}): Promise<string[]> {
  return renderPages(pdf, prefix, 'png', range);
}

/**
 * The same pages as uncompressed PPM (`pdftoppm -r 110`), `<prefix>-<n>.ppm`: a second, trivially
 * parsed rendering to check the PNG reader against.
 */
export function pdfToPpm(pdf: string, prefix: string, range: PageRange = {}): Promise<string[]> {
  return renderPages(pdf, prefix, 'ppm', range);
}

async function renderPages(
  pdf: string,
  prefix: string,
  format: 'png' | 'ppm',
  range: PageRange,
): Promise<string[]> {
  const dir = path.dirname(path.resolve(prefix));
  const base = path.basename(prefix);
  await mkdir(dir, { recursive: true });
  const formatArgs = format === 'png' ? ['-png'] : [];
  await runTool('pdftoppm', [
    ...formatArgs,
    '-r',
    String(PNG_DPI),
    ...pageArgs(range),
    pdf,
    path.resolve(prefix),
  ]);
  // pdftoppm pads page numbers to the width of the last page number, e.g. for prefix 'p':
  //   'p-1.png'   → page 1 of a PDF with fewer than 10 pages
  //   'p-07.png'  → page 7 of a PDF with 10–99 pages
  //   'p-1.ppm'   → page 1 in PPM format
  //   'p-1.png.x' → not a page (ignored)
  const pagePattern = /^(.*)-(\d+)\.(png|ppm)$/;
  const pages: { page: number; file: string }[] = [];
  for (const entry of await readdir(dir)) {
    const match = pagePattern.exec(entry);
    if (match?.[1] === base && match[3] === format)
      pages.push({ page: Number(match[2]), file: path.join(dir, entry) });
  }
  if (pages.length === 0) throw new Error(`pdftoppm wrote no page images for ${pdf} at ${prefix}`);
  return pages.sort((a, b) => a.page - b.page).map((p) => p.file);
}

/** One word on a PDF page with its box in points, origin at the top left (`pdftotext -bbox`). */
export interface PdfWord {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** One PDF page's size in points and its words. */
export interface PdfPageWords {
  readonly width: number;
  readonly height: number;
  readonly words: PdfWord[];
}

/** Every word of the PDF with its position, page by page — to find where a cell landed on the page. */
export async function pdfWordBoxes(pdf: string, range: PageRange = {}): Promise<PdfPageWords[]> {
  return parseBboxHtml(await runTool('pdftotext', ['-bbox', '-enc', 'UTF-8', ...pageArgs(range), pdf, '-']));
}

/** Parse `pdftotext -bbox` XHTML (exported for tests). */
export function parseBboxHtml(html: string): PdfPageWords[] {
  const pages: PdfPageWords[] = [];
  // Page and word elements as pdftotext writes them, e.g.:
  //   '<page width="612.000000" height="792.000000">'                  → a page 612 × 792
  //   '<word xMin="51.39" yMin="54.35" xMax="73.38" yMax="68.64">序号</word>' → the word 序号
  //   '<word xMin="1" yMin="2" xMax="3" yMax="4">A&amp;B</word>'      → the word A&B (entities decoded)
  //   '</page>'                                                         → not matched (nothing to read)
  const tag =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(tag)) {
    if (m[1] !== undefined) {
      pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
      continue;
    }
    const page = pages[pages.length - 1];
    if (page === undefined) throw new Error('pdftotext -bbox: a word before any page');
    page.words.push({
      text: decodeEntities(m[7] ?? ''),
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
    });
  }
  return pages;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  // XML entities pdftotext writes, e.g.:
  //   '&amp;'  → '&'
  //   '&#39;'  → "'"
  //   '&#x4E2D;' → '中'
  //   '&nbsp'  → unchanged (no semicolon, not an entity)
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return ENTITIES[body] ?? whole;
  });
}

/** Remove a temporary directory made by `makeTempDir` (or any directory), ignoring one already gone. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
