import type { AppKind, AppSummary, ScanProblem } from '../../engine/types.ts';
import type { SchemaStore } from '../../knowledge/schemas.ts';
import type { ProjectSources } from '../../sources/project.ts';
import type { Manifest } from '../inventory.ts';
import { recognizeJson, recognizeXml, recognizeYaml, type Recognition } from './detect.ts';

export interface AppExtraction {
  manifests: Manifest[];
  apps: AppSummary[];
  problems: ScanProblem[];
}

/** Finds every manifest in the tree, validates it against its official schema, and groups manifests into apps. */
export function extractApps(sources: ProjectSources, schemas: SchemaStore): AppExtraction {
  const manifests: Manifest[] = [];
  const problems: ScanProblem[] = [];
  for (const [file, structured] of sources.structured) {
    let recognition: Recognition | undefined;
    if (structured.format === 'json') recognition = recognizeJson(file, structured.doc.value);
    else if (structured.format === 'xml') recognition = recognizeXml(structured.doc.root);
    else if (structured.format === 'yaml') recognition = recognizeYaml(file, structured.doc.value);
    if (!recognition) continue;
    const { schemaGap, ...facts } = recognition;
    const manifest = { ...facts, file, appRoot: appRootOf(file), format: structured.format, doc: structured.doc } as Manifest;
    if (manifest.format === 'json' && recognition.schemaPath) {
      manifest.schema = schemas.validate(recognition.schemaPath, manifest.doc.value);
      if (manifest.schema.status === 'unavailable') problems.push({ kind: 'schema-unavailable', file, message: manifest.schema.reason });
    } else if (schemaGap) {
      manifest.schema = { status: 'unavailable', schema: '', reason: schemaGap };
      problems.push({ kind: 'schema-unavailable', file, message: schemaGap });
    }
    manifests.push(manifest);
  }
  manifests.sort((a, b) => a.file.localeCompare(b.file));
  return { manifests, apps: groupApps(manifests), problems };
}

// build/ holds the Agents Toolkit's generated manifests (build/aad.manifest.local.json): output of the project above it.
const PROJECT_FOLDERS = ['appPackage', 'appManifest', 'manifest', 'config', '.fx', 'env', 'infra', 'build'];

/**
 * The project folder a manifest belongs to: the parent of conventional manifest folders (appPackage/, config/
 * for SPFx), so that the Teams manifest, aad.manifest.json and teamsapp.yml of one project form one app.
 */
export function appRootOf(file: string): string {
  const outer = file.includes('!') ? file.slice(0, file.indexOf('!')) : file;
  const segments = outer.split('/').slice(0, -1);
  const conventional = segments.findIndex((segment) => PROJECT_FOLDERS.includes(segment));
  const root = conventional === -1 ? segments : segments.slice(0, conventional);
  return root.join('/') || '.';
}

const KIND_PRIORITY: AppKind[] = ['office-addin-unified', 'teams-app', 'declarative-agent', 'office-addin-xml', 'spfx-solution', 'api-plugin', 'toolkit-project', 'entra-app', 'toolkit-aad-manifest'];

function groupApps(manifests: readonly Manifest[]): AppSummary[] {
  const byRoot = new Map<string, Manifest[]>();
  for (const manifest of manifests) byRoot.set(manifest.appRoot, [...(byRoot.get(manifest.appRoot) ?? []), manifest]);
  return [...byRoot.entries()]
    .map(([root, members]) => {
      const ordered = [...members].sort((a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind));
      const named = ordered.find((member) => member.name && !member.name.includes('${{'));
      return {
        name: named?.name ?? (root === '.' ? 'app' : root.split('/').pop() ?? root),
        root,
        kinds: [...new Set(ordered.map((member) => member.kind))],
        manifests: members.map(({ kind, file, version, id, name }) => ({ kind, file, version, id, name })),
      };
    })
    .sort((a, b) => a.root.localeCompare(b.root));
}
