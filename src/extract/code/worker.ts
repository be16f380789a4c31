import { parentPort, workerData } from 'node:worker_threads';
import type { ScanProblem } from '../../engine/types.ts';
import { loadParsers, type Grammar } from '../graph/tree-sitter.ts';
import type { CodeGraphFacts } from '../graph/javascript.ts';
import { createFileExtractor } from './extractor.ts';
import { sharedFileLookup, type SharedTexts } from './shared-texts.ts';

/**
 * An extraction thread: reads files from the shared texts, extracts the batches the main thread sends,
 * and answers with the facts and problems of each batch. Imports are followed within the shared texts.
 */
export interface WorkerInput {
  texts: SharedTexts;
  grammars: Grammar[];
}
export type WorkerRequest = { batch: number[] } | { stop: true };
export type WorkerReply = { ready: true } | { results: { index: number; facts: CodeGraphFacts | undefined }[]; problems: ScanProblem[] };

const { texts, grammars } = workerData as WorkerInput;
const files = sharedFileLookup(texts);
// Grammar errors were already reported by the main thread, which loaded the same grammars first.
const { parsers } = await loadParsers(grammars);
let problems: ScanProblem[] = [];
const extract = createFileExtractor(files.byPath, parsers, (problem) => problems.push(problem));
parentPort!.postMessage({ ready: true } satisfies WorkerReply);
parentPort!.on('message', (request: WorkerRequest) => {
  if ('stop' in request) {
    parentPort!.close();
    return;
  }
  const results = request.batch.map((index) => ({ index, facts: extract(files.byIndex(index)) }));
  parentPort!.postMessage({ results, problems } satisfies WorkerReply);
  problems = [];
});
