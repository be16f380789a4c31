import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import type { ScanResult } from '../../src/engine/types.ts';
import { requireSharedData } from './paths.ts';

class Capture extends Writable {
  text = '';
  isTTY: boolean;
  constructor(isTTY = false) {
    super();
    this.isTTY = isTTY;
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams; `tty` pretends both streams are terminals. */
export async function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; tty?: boolean } = {}): Promise<CliRun> {
  const stdout = new Capture(options.tty);
  const stderr = new Capture(options.tty);
  const io: CliIo = { stdout, stderr, env: options.env ?? { M365CERT_DATA_DIR: undefined } };
  const code = await main(args, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** The JSON report of `m365cert permissions <root>` with the shared permission data (and any further options). */
export async function permissionsReport(root: string, options: string[] = []): Promise<ScanResult> {
  const run = await runCli(['permissions', root, '--data-dir', requireSharedData(), '-f', 'json', ...options]);
  try {
    return JSON.parse(run.stdout) as ScanResult;
  } catch {
    throw new Error(`permissions ${root} wrote no JSON report (exit ${run.code}): ${run.stderr}`);
  }
}
