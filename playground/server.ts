/**
 * The playground's loopback server: the production task pane (the same webpack build `npm run build` makes,
 * rebuilt when its sources changed) under `/pane/`, the playground page at `/`, and the workbooks as JSON.
 *
 * Routes:
 * - `GET /` the page; `GET /playground.js`, `/playground.css` its script (esbuild, in memory) and style;
 * - `GET /pane/taskpane.html` the built pane with Office.js's `<script src>` pointed at
 *   `/pane/office-playground.js` (which binds the pane to the page's fake); every other built file as is;
 * - `GET /api/workbooks` the picker's list; `GET /api/workbooks/<id>` one workbook as data;
 * - `POST /api/open` an .xlsx's bytes (at most {@link MAX_UPLOAD_BYTES}) → the workbook as data.
 *
 * It listens on 127.0.0.1 only, and the page's Content-Security-Policy allows nothing but this origin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { isDubanError } from '../src/core/errors.ts';
import { ensurePaneBuild, type PaneBuild } from '../test/browser/pane-build.ts';
import { OFFICE_JS_URL } from '../test/browser/policy.ts';
import { hostReplacer } from './host-transfer.ts';
import {
  loadWorkbookBytes,
  loadWorkbookFile,
  MAX_UPLOAD_BYTES,
  SEED_SOURCES,
  type WorkbookSource,
} from './workbooks.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PAGE_DIR = path.join(HERE, 'page');

/** The script taskpane.html loads instead of Office.js in the playground. */
export const PANE_STUB_NAME = 'office-playground.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

/** Options of {@link startPlayground}. */
export interface PlaygroundOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  readonly port?: number;
  /** An .xlsx to open first instead of the seed workbook. */
  readonly file?: string | null;
  /** Where progress lines go (default: nowhere). */
  readonly log?: (line: string) => void;
}

/** A running playground. */
export interface Playground {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The page's address. */
  readonly url: string;
  /** The pane build served under /pane/. */
  readonly paneBuild: PaneBuild;
  close(): Promise<void>;
}

/**
 * taskpane.html with its Office.js script pointed at the playground's stub. Fails when the page does not
 * load Office.js exactly once from its CDN URL (then the playground would not be testing what Excel loads).
 */
export function rewritePaneHtml(html: string): string {
  const parts = html.split(OFFICE_JS_URL);
  if (parts.length !== 2) {
    throw new Error(
      `taskpane.html should load ${OFFICE_JS_URL} exactly once, found ${String(parts.length - 1)} times`,
    );
  }
  return parts.join(PANE_STUB_NAME);
}

/** The page's scripts, bundled for the browser: the page itself and the iframe's Office stand-in. */
export async function buildPageScripts(): Promise<{ page: string; paneStub: string }> {
  const bundle = async (entry: string): Promise<string> => {
    const result = await build({
      entryPoints: [path.join(PAGE_DIR, entry)],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      charset: 'utf8',
      legalComments: 'none',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    const output = result.outputFiles[0];
    if (!output) throw new Error(`esbuild produced no output for ${entry}`);
    return output.text;
  };
  const [page, paneStub] = await Promise.all([bundle('main.ts'), bundle('pane-stub.ts')]);
  return { page, paneStub };
}

/** The picker's workbooks: the command line's file first (when given), then the seeds. */
function sourcesFor(file: string | null): WorkbookSource[] {
  if (file === null) return [...SEED_SOURCES];
  const resolved = path.resolve(file);
  return [
    { id: 'command-line', label: `${path.basename(resolved)}（命令行）`, file: resolved },
    ...SEED_SOURCES,
  ];
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`文件超过 ${String(Math.round(limit / 1024 / 1024))} MB，试用台不接收`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

/** Build what is missing, then serve the playground on 127.0.0.1. */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const log = options.log ?? ((): void => undefined);
  const file = options.file ?? null;
  if (file !== null && !existsSync(file)) throw new Error(`找不到文件：${file}`);
  const sources = sourcesFor(file);

  log('正在准备任务窗格（首次或源代码改动后需要构建，约半分钟）…');
  const [paneBuild, scripts] = await Promise.all([ensurePaneBuild(), buildPageScripts()]);
  log(
    paneBuild.built
      ? `任务窗格已构建（${(paneBuild.buildMs / 1000).toFixed(1)} s）：${paneBuild.dir}`
      : `任务窗格沿用已有的构建：${paneBuild.dir}`,
  );
  const paneRoot = path.resolve(paneBuild.dir);
  const paneHtml = rewritePaneHtml(readFileSync(path.join(paneRoot, 'taskpane.html'), 'utf8'));
  const pageHtml = readFileSync(path.join(PAGE_DIR, 'index.html'), 'utf8');
  const pageCss = readFileSync(path.join(PAGE_DIR, 'playground.css'), 'utf8');

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer): void => {
      response.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    // Workbooks carry the fake's document: Maps and Sets are tagged so the page can revive them.
    const sendJson = (status: number, value: unknown): void => {
      send(status, CONTENT_TYPES['.json'] ?? 'application/json', JSON.stringify(value, hostReplacer));
    };
    const fail = (error: unknown): void => {
      const message = isDubanError(error)
        ? '无法读取这个文件：它不是有效的 .xlsx 工作簿'
        : error instanceof Error
          ? error.message
          : String(error);
      sendJson(isDubanError(error) ? 400 : 500, { error: message });
    };
    const pathname = url.pathname;

    if (request.method === 'POST' && pathname === '/api/open') {
      try {
        const bytes = await readBody(request, MAX_UPLOAD_BYTES);
        const name = decodeURIComponent(String(request.headers['x-file-name'] ?? 'workbook.xlsx'));
        sendJson(200, await loadWorkbookBytes(bytes, name));
      } catch (error) {
        fail(error);
      }
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(405, 'text/plain; charset=utf-8', 'method not allowed');
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      send(200, CONTENT_TYPES['.html'] ?? '', pageHtml);
      return;
    }
    if (pathname === '/playground.js') {
      send(200, CONTENT_TYPES['.js'] ?? '', scripts.page);
      return;
    }
    if (pathname === '/playground.css') {
      send(200, CONTENT_TYPES['.css'] ?? '', pageCss);
      return;
    }
    if (pathname === '/api/workbooks') {
      sendJson(200, {
        default: sources[0]?.id ?? '',
        workbooks: sources.map((s) => ({ id: s.id, label: s.label })),
      });
      return;
    }
    if (pathname.startsWith('/api/workbooks/')) {
      const id = decodeURIComponent(pathname.slice('/api/workbooks/'.length));
      const source = sources.find((s) => s.id === id);
      if (!source) {
        sendJson(404, { error: `没有这个工作簿：${id}` });
        return;
      }
      try {
        sendJson(200, await loadWorkbookFile(source));
      } catch (error) {
        fail(error);
      }
      return;
    }
    if (pathname === '/pane/taskpane.html') {
      send(200, CONTENT_TYPES['.html'] ?? '', paneHtml);
      return;
    }
    if (pathname === `/pane/${PANE_STUB_NAME}`) {
      send(200, CONTENT_TYPES['.js'] ?? '', scripts.paneStub);
      return;
    }
    if (pathname.startsWith('/pane/')) {
      const target = path.resolve(paneRoot, `.${decodeURIComponent(pathname.slice('/pane'.length))}`);
      const type = CONTENT_TYPES[path.extname(target)];
      if (target.startsWith(paneRoot + path.sep) && type !== undefined && existsSync(target)) {
        send(200, type, readFileSync(target));
        return;
      }
    }
    send(404, 'text/plain; charset=utf-8', 'not found');
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${String(port)}`;
  return {
    origin,
    url: `${origin}/`,
    paneBuild,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
