import type { SourceFile } from '../../sources/source-file.ts';
import type { UnresolvedGraphCall } from './types.ts';

/**
 * Microsoft Graph Toolkit components (`<mgt-agenda>`, `<mgt-people-picker>`, or `<Agenda />` from
 * `@microsoft/mgt-react`) request Graph themselves, from the toolkit's code, not the app's: m365cert does not read
 * those requests. Each component an app uses is listed as a Graph call not resolved, so a permission only a
 * component needs is never called unused without that caveat. The toolkit was retired on 2026-08-28.
 */
const TOOLKIT_FILES = /\.(html?|[cm]?[jt]sx?|vue|svelte|cshtml|razor|aspx|ejs|hbs|handlebars|php|jsp)$/i;
/** Components that only configure sign-in or layout and request nothing. */
const NO_REQUESTS = /^(msal2-provider|msal-provider|teams-provider|teams-msal2-provider|teamsfx-provider|proxy-provider|mock-provider|sharepoint-provider|electron-provider|custom-element|theme-toggle|spinner)$/i;
const REACT_WRAPPERS = /import\s*\{([^}]*)\}\s*from\s*['"]@microsoft\/mgt-react(?:\/[\w/-]*)?['"]/g;
const NOT_COMPONENTS = /^(Providers|ProviderState|Msal2Provider|TeamsMsal2Provider|TeamsFxProvider|SharePointProvider|ProxyProvider|MockProvider|SimpleProvider|\w+Props|\w+Provider|registerMgt\w*|applyTheme|customElementHelper|\w+Type|\w+Kind)$/;

export function graphToolkitUses(file: SourceFile): Omit<UnresolvedGraphCall, 'appRoot'>[] {
  if (!TOOLKIT_FILES.test(file.path) || file.path.includes('!') || !file.text.includes('mgt')) return [];
  const found = new Map<string, number>();
  const note = (component: string, offset: number) => {
    if (!found.has(component)) found.set(component, offset);
  };
  for (const match of file.text.matchAll(/<mgt-([a-z][a-z0-9-]*)/g)) if (!NO_REQUESTS.test(match[1]!)) note(`<mgt-${match[1]}>`, match.index!);
  for (const imports of file.text.matchAll(REACT_WRAPPERS)) {
    for (const binding of imports[1]!.split(',')) {
      const [imported, local] = binding.split(/\s+as\s+/).map((name) => name.trim());
      const name = local ?? imported;
      if (!imported || !name || NOT_COMPONENTS.test(imported) || !/^[A-Z]\w*$/.test(name)) continue;
      const use = new RegExp(`<${name}[\\s/>]`).exec(file.text);
      if (use) note(`<${imported}> of @microsoft/mgt-react`, use.index);
    }
  }
  return [...found].sort((a, b) => a[1] - b[1]).map(([component, offset]) => ({
    via: 'graph-toolkit',
    reason: `the Microsoft Graph Toolkit component ${component} requests Graph itself; those requests are not read (the toolkit was retired on 2026-08-28: the Graph SDKs replace it)`,
    source: { file: file.path, ...file.locOf(offset) },
  }));
}
