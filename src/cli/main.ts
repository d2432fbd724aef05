/**
 * The `duban` command line: the same core as the add-in, on .xlsx files. Every user error becomes a plain
 * message naming file, sheet and cell and an exit code (0 done, 1 not processable, 2 usage or unreadable);
 * only a genuine bug prints as an internal error.
 */
import { parseCliArgs } from './cli-args.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { runInspect } from './command-inspect.ts';
import { runDemo } from './command-demo.ts';
import { runScore } from './command-score.ts';
import { runClear } from './command-clear.ts';
import { runBreakdown } from './command-breakdown.ts';
import { runSplit } from './command-split.ts';
import { runMerge } from './command-merge.ts';
import type { Lang } from '../core/findings.ts';

/** Run the command line with the given arguments; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let lang: Lang = 'zh';
  try {
    const options = parseCliArgs(argv);
    lang = options.lang;
    if (options.help || options.command === null || options.command === 'help') {
      io.stdout.write(say(lang, 'usage') + '\n\n' + say(lang, 'usageBulk') + '\n');
      return options.command === null && !options.help ? EXIT.usage : EXIT.ok;
    }
    switch (options.command) {
      case 'inspect':
        return await runInspect(options, io);
      case 'score':
        return await runScore(options, io);
      case 'clear':
        return await runClear(options, io);
      case 'breakdown':
        return await runBreakdown(options, io);
      case 'split':
        return await runSplit(options, io);
      case 'merge':
        return await runMerge(options, io);
      case 'demo':
        return await runDemo(options, io);
      default:
        throw new CliFailure(say(lang, 'unknownCommand', { command: options.command }), EXIT.usage);
    }
  } catch (e) {
    if (e instanceof CliFailure) {
      io.stderr.write(e.message + '\n');
      return e.exitCode;
    }
    // A bug, not a user error: say so plainly (no stack trace unless asked for with DUBAN_DEBUG=1).
    const detail = e instanceof Error ? e.message : String(e);
    io.stderr.write(say(lang, 'internal', { detail }) + '\n');
    if (io.env.DUBAN_DEBUG === '1' && e instanceof Error && e.stack) io.stderr.write(e.stack + '\n');
    return 70;
  }
}
