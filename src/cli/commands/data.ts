import { UsageError } from '../../engine/errors.ts';
import { datasetStatus, resolveDataDir } from '../../knowledge/data-dir.ts';
import { OPTIONAL_DATA_COMMAND, advisoryDatasetId, DATASETS, POWERSHELL_COMMANDS_DATASET } from '../../knowledge/datasets.ts';
import { DEFAULT_CONFIG, DEFAULT_EXCLUDES } from '../../config/config.ts';
import { extractDependencies, type Ecosystem } from '../../extract/dependencies/index.ts';
import { loadProject } from '../../sources/project.ts';
import { importData, updateData, type FileOutcome } from '../../knowledge/update.ts';
import type { CliIo } from '../io.ts';

export const DATA_HELP = `Usage: m365cert data <status | update | import <folder>> [options]

The knowledge m365cert reads but does not ship (Microsoft Graph permissions, manifest schemas) lives
in a data directory: --data-dir, else $M365CERT_DATA_DIR, else the user cache folder.

  status            what is there, where it came from and how old it is
  update            download from the public upstream locations (sha-256 and date recorded)
  import <folder>   copy an offline mirror (a folder laid out like the data directory)

Options:
      --data-dir <dir>   the data directory
      --mirror <url>     (update) fetch <url>/<path> instead of each upstream location
      --only <ids>       (update) only these dataset ids, separated by commas
      --for <dir>        (update) also the optional data the app in <dir> needs: the OSV advisories of
                         its package ecosystems (npm, NuGet, PyPI, Maven, Go), the Graph PowerShell
                         SDK command map when it has PowerShell scripts (large: fetched only when asked)
      --json             (status) machine-readable output
  -h, --help             this help`;

export interface DataFlags {
  'data-dir'?: string;
  mirror?: string;
  only?: string;
  for?: string;
  json?: boolean;
}

export async function runData(positionals: string[], flags: DataFlags, io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const [action, ...rest] = positionals;
  const dataDir = resolveDataDir(flags['data-dir'], io.env);
  switch (action) {
    case 'status':
      return status(dataDir.dir, dataDir.source, flags.json ?? false, io, now);
    case 'update': {
      let only = flags.only?.split(',').map((id) => id.trim()).filter(Boolean);
      if (flags.for !== undefined) {
        const needed = await optionalDataFor(flags.for);
        io.stderr.write(needed.length ? `optional data for ${flags.for}: ${needed.join(', ')}\n` : `${flags.for} needs no optional data (no lockfile, package manifest or PowerShell script)\n`);
        const base = only ?? DATASETS.filter((dataset) => !dataset.optional).map((dataset) => dataset.id);
        only = [...new Set([...base, ...needed])];
      }
      const unknown = (only ?? []).filter((id) => !DATASETS.some((dataset) => dataset.id === id));
      if (unknown.length) throw new UsageError(`unknown dataset id(s) ${unknown.join(', ')}; known: ${DATASETS.map((d) => d.id).join(', ')}`);
      io.stderr.write(`updating ${dataDir.dir}${flags.mirror ? ` from ${flags.mirror}` : ''}\n`);
      return printOutcomes(await updateData(dataDir.dir, { mirror: flags.mirror ?? io.env.M365CERT_DATA_MIRROR, only, now }), io);
    }
    case 'import': {
      if (rest.length !== 1) throw new UsageError('data import takes one folder: m365cert data import <folder>');
      try {
        return printOutcomes(await importData(rest[0]!, dataDir.dir, now), io);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
    default:
      throw new UsageError(`data takes status, update or import (got ${action ?? 'nothing'})`);
  }
}

function status(dir: string, source: string, json: boolean, io: CliIo, now: () => Date): number {
  const statuses = datasetStatus(dir);
  if (json) {
    io.stdout.write(`${JSON.stringify({ dir, source, datasets: statuses.map((s) => ({ id: s.dataset.id, title: s.dataset.title, present: s.present, total: s.total, sources: s.sources, oldest: s.oldest?.toISOString(), files: s.files })) }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(`Data directory: ${dir} (${source})\n\n`);
  for (const entry of statuses) {
    const age = entry.oldest ? `${Math.floor((now().getTime() - entry.oldest.getTime()) / 86_400_000)} days old` : '';
    const state = entry.present === 0 ? (entry.dataset.optional ? 'optional' : 'MISSING') : entry.present < entry.total ? `${entry.present}/${entry.total} files` : 'present';
    io.stdout.write(`  ${entry.dataset.id.padEnd(30)} ${state.padEnd(12)} ${[age, entry.sources.join('; ')].filter(Boolean).join(', ')}\n`);
  }
  const missing = statuses.filter((entry) => entry.present === 0 && !entry.dataset.optional);
  io.stdout.write(missing.length ? `\n${missing.length} dataset(s) missing: run m365cert data update (or data import <mirror>).\n` : '\nAll required datasets present.\n');
  if (statuses.some((entry) => entry.present === 0 && entry.dataset.optional)) io.stdout.write(`Optional data (advisories, the PowerShell command map) is fetched for a tree with ${OPTIONAL_DATA_COMMAND}.\n`);
  return 0;
}

function printOutcomes(outcomes: FileOutcome[], io: CliIo): number {
  for (const outcome of outcomes) io.stdout.write(`  ${outcome.ok ? 'ok    ' : 'FAILED'} ${outcome.path}: ${outcome.message}\n`);
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  io.stdout.write(`${outcomes.length - failed} file(s) written, ${failed} failed\n`);
  return failed ? 2 : 0;
}

/** The optional datasets a tree needs: advisories of the ecosystems its lockfiles use, the cmdlet map for PowerShell. */
async function optionalDataFor(root: string): Promise<string[]> {
  const sources = await loadProject({ root, include: [], exclude: DEFAULT_EXCLUDES, maxFileBytes: DEFAULT_CONFIG.maxFileBytes, respectGitignore: true }).catch((error: Error) => {
    throw new UsageError(`--for ${root}: ${error.message}`);
  });
  const ecosystems: Ecosystem[] = [...new Set(extractDependencies(sources.files, []).map((dependency) => dependency.ecosystem))];
  const powershell = sources.files.some((file) => /\.psm?1$/i.test(file.path) && /\b\w+-Mg\w+/.test(file.text)) ? [POWERSHELL_COMMANDS_DATASET] : [];
  return [...ecosystems.map(advisoryDatasetId), ...powershell].sort();
}
