/** What the command line needs from its process, passed in so tests can run it in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes shared by every command. */
export const EXIT = {
  /** The job was done (findings do not change this). */
  ok: 0,
  /** The workbook cannot be processed (no table found …). */
  notProcessable: 1,
  /** Usage error or unreadable file. */
  usage: 2,
} as const;

/** A failure the command line reports in plain words and turns into an exit code. */
export class CliFailure extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'CliFailure';
    this.exitCode = exitCode;
  }
}
