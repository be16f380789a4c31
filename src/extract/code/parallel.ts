import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ScanProblem } from '../../engine/types.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import type { CodeGraphFacts } from '../graph/javascript.ts';
import { loadParsers, type TreeLanguage, type TreeParsers } from '../graph/tree-sitter.ts';
import { createFileExtractor, filesByClassName, importedPaths, IMPORTING_FILES, isClassicScript } from './extractor.ts';
import { codeLanguagesIn, extractCode, filesToExtract, rootResolver, type CodeExtractionInput, type FileCodeFacts } from './index.ts';
import { packTexts } from './shared-texts.ts';
import { environmentUrls } from './environment.ts';
import type { WorkerInput, WorkerReply } from './worker.ts';

/**
 * Code extraction on several threads. Parsing dominates a scan (oxc hands its tree to JavaScript as JSON on
 * Node 20), and files are independent except for constants imported across JavaScript modules, so each
 * thread reads every file it may need — the files to extract and the modules they import — from one
 * shared copy of their texts. Threads take batches from a shared counter, so they never wait for the main
 * thread, which meanwhile does the scan's other work; results are put back in file order, so the outcome
 * equals the single-threaded extraction.
 */
const BATCH = 32;
/**
 * A thread's stack: oxc's parser recurses per level of nesting, and the files let through to it (nesting.ts) may
 * take up to 3 MB of it, more than the 4 MB Node gives a thread leaves room for; the main thread has 8 MB. Only the
 * pages used are backed.
 */
const WORKER_STACK_MB = 16;
/**
 * A thread's heap holds one file's syntax tree at a time plus the facts of its batch; a cap makes V8 collect
 * instead of growing (peak memory), and a thread that still runs out fails over to the main thread.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32, stackSizeMb: WORKER_STACK_MB };

/** The grammars are loaded where the code is parsed: by each thread, and here only when this thread parses. */
export type ParallelExtractionInput = Omit<CodeExtractionInput, 'parsers'>;

/** Parsers for extraction on this thread; a grammar that cannot be loaded is a problem, and its files are skipped. */
async function mainThreadParsers(grammars: TreeLanguage[], problems: ScanProblem[]): Promise<TreeParsers> {
  const { parsers, errors } = await loadParsers(grammars);
  for (const error of errors) problems.push({ kind: 'read-error', message: error });
  return parsers;
}

/**
 * Starts the threads at once and resolves when every file is extracted. Problems go to `input.problems` only
 * when the promise settles, so a caller doing other work meanwhile gets them in a fixed order.
 */
export async function extractCodeInParallel(input: ParallelExtractionInput, threads: number, limits: ResourceLimits = WORKER_LIMITS): Promise<FileCodeFacts[]> {
  // The .env and settings files are read once, for choosing the files and for extracting them.
  const environment = input.environment ?? environmentUrls(input.files);
  const worthy = filesToExtract(input.files, input.graphOnly, environment);
  const grammars = codeLanguagesIn(worthy);
  if (threads < 2 || worthy.length < BATCH * 2) return extractCode({ ...input, environment, parsers: await mainThreadParsers(grammars, input.problems) });
  const shared = withImportedModules(worthy, input.files);
  const texts = packTexts(shared);
  const results = new Array<CodeGraphFacts | undefined>(worthy.length);
  const done = new Uint8Array(worthy.length);
  const problems = new Map<string, ScanProblem>();
  const addProblem = (problem: ScanProblem) => problems.set(`${problem.file}|${problem.message}`, problem);
  const work: WorkerInput = { texts, grammars, next: new SharedArrayBuffer(4), total: worthy.length, batch: BATCH, graphOnly: Boolean(input.graphOnly), environment };
  let failure: Error | undefined;
  try {
    await runWorkers(Math.min(threads, Math.ceil(worthy.length / BATCH)), work, limits, (reply) => {
      for (const { index, facts } of reply.results) {
        results[index] = facts;
        done[index] = 1;
      }
      for (const problem of reply.problems) addProblem(problem);
    });
  } catch (error) {
    failure = error as Error;
  }
  // Threads are an optimisation: what they did not finish (a thread out of memory on a huge file, a thread
  // that could not start) is extracted here, so the result is the same.
  const missing = worthy.flatMap((_, index) => (done[index] ? [] : [index]));
  if (missing.length) {
    const fallbackProblems: ScanProblem[] = [];
    const byPath = new Map(input.files.map((file) => [file.path, file]));
    const extract = createFileExtractor((path) => byPath.get(path), await mainThreadParsers(grammars, fallbackProblems), addProblem, { graphOnly: input.graphOnly, paths: [...byPath.keys()], environment });
    for (const problem of fallbackProblems) addProblem(problem);
    for (const index of missing) results[index] = extract(worthy[index]!);
  }
  if (failure) input.problems.push({ kind: 'read-error', message: `code extraction threads stopped (${failure.message}); ${missing.length} file(s) were extracted on the main thread instead` });
  const order = new Map(input.files.map((file, index) => [file.path, index]));
  for (const problem of [...problems.values()].sort((a, b) => (order.get(a.file ?? '') ?? 0) - (order.get(b.file ?? '') ?? 0))) input.problems.push(problem);
  const appRootOf = rootResolver(input.apps);
  return worthy.flatMap((file, index) => (results[index] ? [{ file: file.path, appRoot: appRootOf(file.path), facts: results[index]! }] : []));
}

/**
 * The files to extract first (indexes 0…n-1 in the shared texts), then every module they import, transitively,
 * and the scripts beside a classic script (its page's globals).
 */
function withImportedModules(worthy: readonly SourceFile[], all: readonly SourceFile[]): SourceFile[] {
  const byPath = new Map(all.map((file) => [file.path, file]));
  const included = new Map(worthy.map((file) => [file.path, file]));
  const pending = worthy.filter((file) => IMPORTING_FILES.test(file.path));
  const scriptFolders = new Set(worthy.filter(isClassicScript).map((file) => path.posix.dirname(file.path)));
  for (const file of all) {
    if (!included.has(file.path) && /\.js$/i.test(file.path) && scriptFolders.has(path.posix.dirname(file.path))) {
      included.set(file.path, file);
      pending.push(file);
    }
  }
  const classFiles = filesByClassName(all.map((file) => file.path));
  while (pending.length) {
    const file = pending.pop()!;
    for (const candidate of importedPaths(file, classFiles)) {
      const imported = byPath.get(candidate);
      if (imported && !included.has(candidate)) {
        included.set(candidate, imported);
        pending.push(imported);
      }
    }
  }
  return [...included.values()];
}

/** Resolves when every thread has exited normally; rejects (and stops the others) when one fails. */
function runWorkers(count: number, data: WorkerInput, limits: ResourceLimits, onReply: (reply: WorkerReply) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let exited = 0;
    let failed = false;
    const workers: Worker[] = [];
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const worker of workers) void worker.terminate();
      reject(error);
    };
    for (let i = 0; i < count; i++) {
      const worker = startWorker(data, limits);
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (!failed) onReply(reply);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a thread exited with code ${code}`));
        else if (++exited === workers.length && !failed) resolve();
      });
    }
  });
}

/** Node options that load code into every thread before its own module: `--import x`, `--require=x`, `-r x`, loaders. */
const MODULE_PRELOAD_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/**
 * The node options a thread running compiled JavaScript inherits: all of the process's but those preloading
 * modules. A process started with `--import tsx` (a script run from its TypeScript sources, such as the
 * benchmark driving the compiled package) would otherwise boot tsx in every thread for nothing.
 */
export function threadExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i]!;
    if (MODULE_PRELOAD_FLAGS.has(flag)) i++;
    else if (!MODULE_PRELOAD_FLAGS.has(flag.split('=')[0]!)) kept.push(flag);
  }
  return kept;
}

/**
 * The compiled package runs worker.js. From the TypeScript sources (tests, `npm run demo`) the thread first
 * registers tsx, whose loader a worker does not inherit on Node 20.
 */
function startWorker(data: WorkerInput, limits: ResourceLimits): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: data, resourceLimits: limits, execArgv: threadExecArgv(process.execArgv) });
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true, workerData: data, resourceLimits: limits });
}
