import { GRAPH_HOST_PATTERN, MENTIONS_GRAPH_HOST, parseGraphUrl, PLACEHOLDER, queryOptions } from '../../knowledge/graph/graph-path.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import type { CodeGraphFacts } from './javascript.ts';

/**
 * Graph URLs in code m365cert has no parser for (Go, Ruby, PHP, Kotlin, Swift, Rust, …, and the server-side code
 * of Razor, PHP and JSP pages): each URL with a path after the API version is a call of **low** confidence, since
 * without a parser nothing tells a request from a comment or a log line. The method is the HTTP verb written just
 * before the URL (`http.NewRequest("POST", "https://…")`, `GET https://…` in a request file), else GET.
 * Interpolations (`%s`, `{id}`, `#{id}`, `${id}`, `$id`) are ids; a URL cut by a concatenation is reported as built
 * at run time.
 */
export const TEXT_URL_FILES = /\.(go|rb|kt|kts|swift|rs|scala|dart|vb|fs|fsx|cpp|cc|cxx|c|h|hpp|m|mm|lua|pl|pm|r|groovy|ex|exs|clj|erl|hs|jl)$/i;

/** A verb just before the URL (optionally quoted and followed by a comma), then the URL up to a quote, space or bracket. */
const GRAPH_URL = new RegExp(`(?:\\b(GET|POST|PUT|PATCH|DELETE)\\b["'\`]?\\s*,?\\s*["'\`]?)?https://(?:${GRAPH_HOST_PATTERN})/(?:v1\\.0|beta)/[^\\s"'\`<>()\\[\\]\\\\,;|]*`, 'gi');
/** An interpolated segment: printf verbs, `{name}`, `#{name}`, `${name}`, `$name`. */
const INTERPOLATION = /%[sdvq]|#?\$?\{[^}]*\}|\$\w+/;

export function graphUrlsInText(file: SourceFile, text = file.text): Pick<CodeGraphFacts, 'calls' | 'unresolved'> {
  const facts: Pick<CodeGraphFacts, 'calls' | 'unresolved'> = { calls: [], unresolved: [] };
  if (!MENTIONS_GRAPH_HOST.test(text)) return facts;
  for (const match of text.matchAll(GRAPH_URL)) {
    const url = match[0].slice(match[0].toLowerCase().indexOf('https://'));
    const at = file.locOf(match.index! + match[0].length - url.length);
    const source = { file: file.path, line: at.line, column: at.column };
    const after = text.slice(match.index! + match[0].length, match.index! + match[0].length + 8);
    const parsed = parseGraphUrl(url);
    if (!parsed || parsed.path === '/') continue;
    // `"…/users/" + id`, `'…/users/' . $id`, `"…/users/" & id`: the rest of the path is computed.
    if (/^["'`]\s*(\+|\.|&|\.\.|<>)/.test(after)) {
      facts.unresolved.push({ via: 'url-in-text', reason: 'the URL is completed at run time', source });
      continue;
    }
    const path = parsed.path
      .split('/')
      .map((segment) => (INTERPOLATION.test(segment) ? PLACEHOLDER : segment))
      .join('/');
    const { select, expand } = queryOptions(parsed.query);
    facts.calls.push({ method: (match[1] ?? 'GET').toUpperCase(), path, apiVersion: parsed.version === 'beta' ? 'beta' : 'v1.0', via: 'url-in-text', confidence: 'low', source, ...(select?.length ? { select } : {}), ...(expand?.length ? { expand } : {}) });
  }
  return facts;
}
