import type { SourceFile } from '../../sources/source-file.ts';
import { DEBIAN_CODENAMES, NODE_CODENAMES, PRODUCT_NAMES, SPFX_NODE, UBUNTU_CODENAMES, supportOf, type Product, type Support } from '../../knowledge/eol/lifecycles.ts';

/**
 * Runtimes, frameworks and base images the app is built on or runs on, with where each is declared and its
 * support status at scan time: Node.js (engines, .nvmrc, images, CI, App Service and Functions settings in
 * IaC), .NET (target frameworks, images, CI, IaC), Python (version files, images, CI, IaC), base OS images,
 * the Azure Functions runtime, and SPFx versions whose toolchain needs an unsupported Node.js.
 */

export type RuntimeSource = 'engines' | 'version-file' | 'image' | 'ci' | 'target-framework' | 'iac' | 'spfx';

export interface RuntimeUse {
  product: Product;
  /** Release cycle in the lifecycle table (Node.js major, .NET "8.0", Python "3.11", Debian "12", …). */
  cycle: string;
  /** The text as declared. */
  declared: string;
  file: string;
  line: number;
  via: RuntimeSource;
  support: Support;
  /** SPFx only: the SPFx version whose toolchain requires this Node.js cycle range. */
  spfx?: string;
}

type Found = Omit<RuntimeUse, 'support'>;

export function findRuntimes(files: readonly SourceFile[], now: Date): RuntimeUse[] {
  const found: Found[] = [];
  for (const file of files) {
    if (file.path.includes('!')) continue;
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    if (name === 'package.json') found.push(...fromPackageJson(file));
    else if (name === '.nvmrc' || name === '.node-version') found.push(...fromVersionFile(file, 'nodejs'));
    else if (name === '.python-version') found.push(...fromVersionFile(file, 'python'));
    else if (name === 'runtime.txt') found.push(...fromVersionFile(file, 'python'));
    else if (name === 'Pipfile') found.push(...byLine(file, /^\s*python_version\s*=\s*"([\d.]+)"/, 'python', 'version-file'));
    else if (/^(Dockerfile|Containerfile)([.-][\w.-]+)?$|\.dockerfile$/i.test(name)) found.push(...fromDockerfile(file));
    else if (/\.(cs|fs|vb)proj$/i.test(name) || name === 'Directory.Build.props') found.push(...fromProject(file));
    else if (isPipeline(file.path)) found.push(...fromPipeline(file));
    else if (/\.(tf|bicep|bicepparam)$/i.test(name) || (/\.json$/i.test(name) && /"(linuxFxVersion|FUNCTIONS_EXTENSION_VERSION|WEBSITE_NODE_DEFAULT_VERSION|netFrameworkVersion)"/.test(file.text))) found.push(...fromIac(file));
    else if (name === '.yo-rc.json') found.push(...fromYeoman(file));
  }
  return found.map((use) => ({ ...use, support: supportOf(use.product, use.cycle, now) }));
}

export function describeRuntime(use: RuntimeUse): string {
  return `${PRODUCT_NAMES[use.product]} ${use.cycle}`;
}

// ---- version text → release cycle ------------------------------------------------------------------------

/** Node.js major of "16", "v16.13.0", "16.x", "^16", "~16.1", "16-lts", "lts/gallium", ">=14 <17"; undefined when open-ended. */
export function nodeCycle(text: string): string | undefined {
  const value = text.trim().replace(/^['"]|['"]$/g, '').toLowerCase();
  const codename = /^lts\/(\w+)$/.exec(value)?.[1];
  if (codename) return NODE_CODENAMES[codename];
  if (/^(lts|latest|current|node|\*|x)$/.test(value) || value === '') return undefined;
  const alternatives = value.split('||').map((part) => part.trim());
  let highest: number | undefined;
  for (const alternative of alternatives) {
    // An open upper end (">=14", "14 - *") admits supported versions: nothing to judge.
    if (/(^|\s)>=?\s*v?\d/.test(alternative) && !/<\s*=?\s*v?\d/.test(alternative)) return undefined;
    const majors = [...alternative.matchAll(/(<)?\s*=?\s*[~^v]?(\d+)(?:\.(x|\d+))?/g)].map((match) => {
      const major = Number(match[2]);
      // "<17" and "<17.0.0" cap the range below 17; "<16.5" still admits 16.
      return match[1] && (match[3] === undefined || match[3] === '0') ? major - 1 : major;
    });
    if (!majors.length) return undefined;
    highest = Math.max(highest ?? 0, ...majors);
  }
  return highest === undefined ? undefined : String(highest);
}

function pythonCycle(text: string): string | undefined {
  return /(?:^|python-?|\b)(\d)\.(\d{1,2})\b/i.exec(text.trim())?.slice(1, 3).join('.');
}

/** .NET cycle of a target framework moniker or version: net8.0 → dotnet 8.0, netcoreapp3.1 → dotnet 3.1, net48/v4.8 → framework 4.8. */
export function dotnetCycle(text: string): { product: Product; cycle: string } | undefined {
  const value = text.trim().toLowerCase();
  let match = /^net(?:coreapp)?(\d+)\.(\d+)(?:-[\w.]+)?$/.exec(value);
  if (match && Number(match[1]) >= 1 && (value.startsWith('netcoreapp') || Number(match[1]) >= 5)) return { product: 'dotnet', cycle: `${match[1]}.${match[2]}` };
  match = /^net(\d)(\d)(\d)?$/.exec(value);
  if (match) return { product: 'dotnet-framework', cycle: [match[1], match[2], match[3]].filter(Boolean).join('.') };
  match = /^v?(\d)\.(\d)(?:\.(\d))?$/.exec(value);
  if (match && match[1] === '4' && (match[2] !== '0' || match[3])) return { product: 'dotnet-framework', cycle: [match[1], match[2], match[3]].filter(Boolean).join('.') };
  if (match && match[1] === '2' && value.startsWith('v')) return undefined;
  match = /^v?(\d+)\.(\d+)(?:\.(?:\d+|x))?$/.exec(value);
  if (match && Number(match[1]) >= 5) return { product: 'dotnet', cycle: `${match[1]}.0` };
  if (match && ['1', '2', '3'].includes(match[1]!) && !value.startsWith('v')) return { product: 'dotnet', cycle: `${match[1]}.${match[2]}` };
  return undefined;
}

// ---- sources --------------------------------------------------------------------------------------------

function lineOf(file: SourceFile, needle: string, from = 0): number {
  const at = file.text.indexOf(needle, from);
  return at === -1 ? 1 : file.locOf(at).line;
}

function fromPackageJson(file: SourceFile): Found[] {
  let manifest: { engines?: { node?: unknown }; dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
  try {
    manifest = JSON.parse(file.text);
  } catch {
    return [];
  }
  const found: Found[] = [];
  const engine = manifest?.engines?.node;
  if (typeof engine === 'string') {
    const cycle = nodeCycle(engine);
    if (cycle) found.push({ product: 'nodejs', cycle, declared: `engines.node ${engine}`, file: file.path, line: lineOf(file, '"engines"'), via: 'engines' });
  }
  const spfx = manifest?.dependencies?.['@microsoft/sp-core-library'] ?? manifest?.devDependencies?.['@microsoft/sp-build-web'];
  if (typeof spfx === 'string') found.push(...spfxToolchain(spfx, file, lineOf(file, '"@microsoft/sp-core-library"')));
  return found;
}

function fromYeoman(file: SourceFile): Found[] {
  try {
    const version = (JSON.parse(file.text) as Record<string, { version?: unknown }>)['@microsoft/generator-sharepoint']?.version;
    return typeof version === 'string' ? spfxToolchain(version, file, lineOf(file, '"version"')) : [];
  } catch {
    return [];
  }
}

/** An SPFx version is reported through the newest Node.js its toolchain supports. */
function spfxToolchain(version: string, file: SourceFile, line: number): Found[] {
  const minor = /(\d+)\.(\d+)/.exec(version);
  const key = minor ? `${minor[1]}.${minor[2]}` : undefined;
  const nodes = key ? SPFX_NODE[key] : undefined;
  if (!nodes) return [];
  const newest = nodes.map(Number).sort((a, b) => b - a)[0]!;
  return [{ product: 'nodejs', cycle: String(newest), declared: `SPFx ${version} (builds on Node.js ${nodes.join(', ')})`, file: file.path, line, via: 'spfx', spfx: version }];
}

function fromVersionFile(file: SourceFile, product: 'nodejs' | 'python'): Found[] {
  const first = file.text.split('\n').findIndex((line) => line.trim() && !line.trim().startsWith('#'));
  if (first === -1) return [];
  const text = file.text.split('\n')[first]!.trim();
  const cycle = product === 'nodejs' ? nodeCycle(text) : pythonCycle(text);
  return cycle ? [{ product, cycle, declared: text, file: file.path, line: first + 1, via: 'version-file' }] : [];
}

function byLine(file: SourceFile, pattern: RegExp, product: Product, via: RuntimeSource): Found[] {
  const found: Found[] = [];
  file.text.split('\n').forEach((line, index) => {
    const value = pattern.exec(line)?.[1];
    if (!value) return;
    const cycle = product === 'python' ? pythonCycle(value) : product === 'nodejs' ? nodeCycle(value) : value;
    if (cycle) found.push({ product, cycle, declared: value, file: file.path, line: index + 1, via });
  });
  return found;
}

/** Runtimes an image reference names: official language images, Microsoft's .NET and Functions images, OS images. */
export function imageRuntimes(image: string): { product: Product; cycle: string }[] {
  const [reference, tag = ''] = image.toLowerCase().replace(/@sha256:.*$/, '').split(/:(?=[^/]*$)/);
  const name = reference!.replace(/^(docker\.io\/)?(library\/)?/, '');
  const found: { product: Product; cycle: string }[] = [];
  const add = (product: Product, cycle: string | undefined) => cycle && found.push({ product, cycle });
  const osFromTag = () => {
    for (const [codename, version] of Object.entries(DEBIAN_CODENAMES)) if (new RegExp(`(^|-)${codename}(-|$)`).test(tag)) add('debian', version);
    const alpine = /alpine(\d\.\d+)/.exec(tag)?.[1];
    if (alpine) add('alpine', alpine);
  };
  if (name === 'node' || name.endsWith('/node')) {
    if (name.startsWith('mcr.microsoft.com/azure-functions/')) {
      add('azure-functions', /^(\d)(\.\d)?-/.exec(tag)?.[1]);
      add('nodejs', /node(\d+)/.exec(tag)?.[1]);
    } else add('nodejs', /^(\d+)/.exec(tag)?.[1] ?? (/^(\w+)/.exec(tag)?.[1] ? NODE_CODENAMES[/^(\w+)/.exec(tag)![1]!] : undefined));
    osFromTag();
  } else if (name === 'python' || name.endsWith('/python')) {
    if (name.startsWith('mcr.microsoft.com/azure-functions/')) {
      add('azure-functions', /^(\d)(\.\d)?-/.exec(tag)?.[1]);
      add('python', /python(\d\.\d+)/.exec(tag)?.[1]);
    } else add('python', /^(\d\.\d+)/.exec(tag)?.[1]);
    osFromTag();
  } else if (/^mcr\.microsoft\.com\/dotnet\/(core\/)?(aspnet|runtime|sdk|runtime-deps)$/.test(name)) {
    const cycle = dotnetCycle(/^(\d+\.\d+)/.exec(tag)?.[1] ?? '');
    if (cycle) found.push(cycle);
    osFromTag();
  } else if (/^mcr\.microsoft\.com\/azure-functions\/(dotnet|dotnet-isolated|base|java|powershell)$/.test(name)) {
    add('azure-functions', /^(\d)(\.\d)?/.exec(tag)?.[1]);
  } else if (name === 'debian') add('debian', /^(\d+)/.exec(tag)?.[1] ?? DEBIAN_CODENAMES[tag.split('-')[0]!]);
  else if (name === 'ubuntu') add('ubuntu', /^(\d+\.\d+)/.exec(tag)?.[1] ?? UBUNTU_CODENAMES[tag]);
  else if (name === 'alpine') add('alpine', /^(\d\.\d+)/.exec(tag)?.[1]);
  return found;
}

function fromDockerfile(file: SourceFile): Found[] {
  const found: Found[] = [];
  const args = new Map<string, string>();
  file.text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    const arg = /^ARG\s+(\w+)=(\S+)/i.exec(line);
    if (arg) args.set(arg[1]!, arg[2]!.replace(/^['"]|['"]$/g, ''));
    const from = /^FROM\s+(?:--\S+\s+)*(\S+)/i.exec(line)?.[1];
    if (!from) return;
    const image = from.replace(/\$\{?(\w+)\}?/g, (match, name: string) => args.get(name) ?? match);
    for (const runtime of imageRuntimes(image)) found.push({ ...runtime, declared: `FROM ${image}`, file: file.path, line: index + 1, via: 'image' });
  });
  return found;
}

function fromProject(file: SourceFile): Found[] {
  const found: Found[] = [];
  const pattern = /<(TargetFrameworks?|TargetFrameworkVersion)>([^<]+)<\//g;
  for (const match of file.text.matchAll(pattern)) {
    for (const moniker of match[2]!.split(';').map((item) => item.trim()).filter(Boolean)) {
      const cycle = dotnetCycle(moniker);
      if (cycle && !moniker.includes('$(')) found.push({ ...cycle, declared: moniker, file: file.path, line: file.locOf(match.index!).line, via: 'target-framework' });
    }
  }
  return found;
}

const PIPELINE = /(^|\/)(\.github\/workflows\/[^/]+\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|\.azure-pipelines\/[^/]+\.ya?ml|\.gitlab-ci\.yml|bitbucket-pipelines\.yml)$/i;

function isPipeline(path: string): boolean {
  return PIPELINE.test(path);
}

/** Versions a pipeline sets up: setup-node/python/dotnet inputs and matrices, Azure Pipelines tool tasks, job images. */
function fromPipeline(file: SourceFile): Found[] {
  const found: Found[] = [];
  const lines = file.text.split('\n');
  let task: 'node' | 'python' | 'dotnet' | undefined;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\s+#.*$/, '');
    if (/^\s*-?\s*task:\s*NodeTool@/i.test(line)) task = 'node';
    else if (/^\s*-?\s*task:\s*UsePythonVersion@/i.test(line)) task = 'python';
    else if (/^\s*-?\s*task:\s*UseDotNet@/i.test(line)) task = 'dotnet';
    else if (/^\s*-?\s*task:/.test(line)) task = undefined;
    const key = /^\s*-?\s*(node-version|node_version|nodeVersion|python-version|python_version|dotnet-version|versionSpec|version|image)\s*:\s*(.+)$/.exec(line);
    if (!key) return;
    const [, name, rawValue] = key;
    const values = rawValue!.trim().replace(/^\[|\]$/g, '').split(',').map((value) => value.trim().replace(/^['"]|['"]$/g, '')).filter((value) => value && !value.includes('${{') && !value.includes('$('));
    for (const value of values) {
      const product: 'node' | 'python' | 'dotnet' | 'image' | undefined =
        /node/i.test(name!) ? 'node' : /python/i.test(name!) ? 'python' : /dotnet/i.test(name!) ? 'dotnet' : name === 'image' ? 'image' : task;
      const push = (runtime: { product: Product; cycle: string } | undefined) => runtime && found.push({ ...runtime, declared: `${name}: ${value}`, file: file.path, line: index + 1, via: 'ci' });
      if (product === 'node') push(nodeCycle(value) ? { product: 'nodejs', cycle: nodeCycle(value)! } : undefined);
      else if (product === 'python') push(pythonCycle(value) ? { product: 'python', cycle: pythonCycle(value)! } : undefined);
      else if (product === 'dotnet') push(dotnetCycle(value.replace(/\.x$/, '.0')));
      else if (product === 'image') for (const runtime of imageRuntimes(value)) push(runtime);
    }
  });
  return found;
}

/** App Service and Functions runtime settings in Terraform, Bicep and ARM. */
function fromIac(file: SourceFile): Found[] {
  const found: Found[] = [];
  file.text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line.startsWith('//') || line.startsWith('#')) return;
    const push = (product: Product, cycle: string | undefined, declared: string) => cycle && found.push({ product, cycle, declared, file: file.path, line: index + 1, via: 'iac' });
    const stack = /(?:linuxFxVersion|linux_fx_version)["']?\s*[:=]\s*['"]([A-Za-z-]+)\|([^'"]+)['"]/i.exec(line);
    if (stack) {
      const [, runtime, version] = stack;
      const kind = runtime!.toUpperCase();
      if (kind === 'NODE') push('nodejs', nodeCycle(version!.replace(/-lts$/i, '')), `${runtime}|${version}`);
      else if (kind === 'PYTHON') push('python', pythonCycle(version!), `${runtime}|${version}`);
      else if (kind.startsWith('DOTNET')) {
        const cycle = dotnetCycle(version!);
        if (cycle) push(cycle.product, cycle.cycle, `${runtime}|${version}`);
      }
      return;
    }
    const setting = /["']?(node_version|python_version|dotnet_version|FUNCTIONS_EXTENSION_VERSION|WEBSITE_NODE_DEFAULT_VERSION|netFrameworkVersion|dotnet_framework_version)["']?\s*[:=]\s*(?:value\s*[:=]\s*)?["']([^"']+)["']/i.exec(line) ?? /name["']?\s*[:=]\s*["'](FUNCTIONS_EXTENSION_VERSION|WEBSITE_NODE_DEFAULT_VERSION)["'].*value["']?\s*[:=]\s*["']([^"']+)["']/i.exec(line);
    if (!setting) return;
    const [, key, value] = setting;
    const name = key!.toLowerCase();
    if (name === 'node_version' || name === 'website_node_default_version') push('nodejs', nodeCycle(value!.replace(/-lts$/i, '')), `${key} = ${value}`);
    else if (name === 'python_version') push('python', pythonCycle(value!), `${key} = ${value}`);
    else if (name === 'functions_extension_version') push('azure-functions', /^~?(\d)/.exec(value!)?.[1], `${key} = ${value}`);
    else {
      const cycle = dotnetCycle(value!);
      if (cycle) push(cycle.product, cycle.cycle, `${key} = ${value}`);
    }
  });
  return found;
}
