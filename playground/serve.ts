/**
 * `npm run playground [-- file.xlsx] [-- --port 8080]`: start the playground on 127.0.0.1 and print its
 * address. Runs until Ctrl+C.
 */
import path from 'node:path';
import { startPlayground } from './server.ts';

const USAGE = [
  '用法 / usage: npm run playground -- [file.xlsx] [--port <端口>]',
  '  file.xlsx   先打开这个工作簿（默认：seeds/taishan-2024.xlsx）',
  '  --port N    在 127.0.0.1 的这个端口上服务（默认：任一空闲端口）',
].join('\n');

/** What the command line asked for. */
interface ServeArgs {
  readonly file: string | null;
  readonly port: number;
}

function parseArgs(argv: readonly string[]): ServeArgs | string {
  let file: string | null = null;
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return USAGE;
    if (arg === '--port' || arg.startsWith('--port=')) {
      const text = arg.includes('=') ? arg.slice('--port='.length) : (argv[++i] ?? '');
      port = Number(text);
      if (!Number.isInteger(port) || port < 0 || port > 65535) return `端口无效：${text}\n${USAGE}`;
    } else if (arg.startsWith('-')) {
      return `未知选项：${arg}\n${USAGE}`;
    } else if (file === null) {
      // npm runs scripts in the package's folder; INIT_CWD is where the user typed the command.
      file = path.resolve(process.env['INIT_CWD'] ?? process.cwd(), arg);
    } else {
      return `只能打开一个文件\n${USAGE}`;
    }
  }
  return { file, port };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.log(args);
    process.exitCode = args === USAGE ? 0 : 2;
    return;
  }
  const playground = await startPlayground({
    file: args.file,
    port: args.port,
    log: (line) => {
      console.log(line);
    },
  });
  console.log(`\n督办助手试用台 / Duban playground: ${playground.url}\n（按 Ctrl+C 退出 / Ctrl+C to stop）`);
  const stop = (): void => {
    void playground.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if ((error as { code?: unknown }).code === 'EADDRINUSE') {
    console.error('端口已被占用，请换一个端口（--port）或不指定端口。/ The port is in use.');
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exitCode = 1;
});
