import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deepNesting } from '../../src/extract/graph/nesting.ts';
import { extractJavaScript } from '../../src/extract/graph/javascript.ts';
import { extractCodeInParallel } from '../../src/extract/code/parallel.ts';
import { SourceFile } from '../../src/sources/source-file.ts';
import type { ScanProblem } from '../../src/engine/types.ts';

/**
 * Shapes that overflow oxc-parser 0.159's stack on an 8 MB main thread, with the depth at which each did (measured
 * by bisection in a child process; a worker's default 4 MB stack takes half).
 */
const CRASHING: Record<string, [build: (depth: number) => string, crashDepth: number]> = {
  parentheses: [(n) => `x = ${'('.repeat(n)}1${')'.repeat(n)};`, 6_121],
  arrays: [(n) => `x = ${'['.repeat(n)}1${']'.repeat(n)};`, 8_560],
  objects: [(n) => `x = ${'{a:'.repeat(n)}1${'}'.repeat(n)};`, 6_121],
  calls: [(n) => `x = ${'f('.repeat(n)}1${')'.repeat(n)};`, 8_560],
  'template substitutions': [(n) => `x = ${'`${'.repeat(n)}1${'}`'.repeat(n)};`, 4_170],
  'type arguments': [(n) => `let x: ${'Array<'.repeat(n)}1${'>'.repeat(n)};`, 4_414],
  'JSX elements': [(n) => `x = ${'<a>'.repeat(n)}${'</a>'.repeat(n)};`, 15_633],
  'JSX elements with text': [(n) => `x = ${"<a>it's x y ".repeat(n)}${'</a>'.repeat(n)};`, 15_633],
  'logical not': [(n) => `x = ${'!'.repeat(n)}1;`, 29_290],
  new: [(n) => `x = ${'new '.repeat(n)}A;`, 17_584],
  arrows: [(n) => `x = ${'a=>'.repeat(n)}1;`, 8_560],
  'async arrows': [(n) => `x = ${'async a => '.repeat(n)}1;`, 8_560],
  assignments: [(n) => `${'a='.repeat(n)}c;`, 8_560],
  conditionals: [(n) => `x = ${'a?b:'.repeat(n)}c;`, 8_560],
  ifs: [(n) => `${'if(a)'.repeat(n)};`, 6_609],
  'ifs on lines of their own': [(n) => `${'if (a)\n'.repeat(n)}x();`, 6_609],
  labels: [(n) => `${'l:\n'.repeat(n)};`, 6_609],
  'else-if chains': [(n) => `if(a);${'else if(a);'.repeat(n)}`, 6_609],
  'else-if chains of blocks': [(n) => `if(a){}${'\nelse if(a){}'.repeat(n)}`, 6_609],
  'sums': [(n) => `x = ${'a+'.repeat(n)}c;`, 65_388],
  'call chains': [(n) => `x = a${'.b()'.repeat(n)};`, 90_753],
  // A generic arrow in .tsx looks like a JSX tag until its comma: read again as code, the chain after it counts.
  'ifs after a generic arrow': [(n) => `const f = <T,>(x: T) => x;\n${'if(a)'.repeat(n)};`, 6_609],
};

describe('nesting too deep for the JavaScript parser', () => {
  for (const [shape, [build, crashDepth]] of Object.entries(CRASHING)) {
    it(`refuses ${shape} well before the depth that crashed oxc, and lets a tenth of it through`, () => {
      // Half the crash depth: a thread with Node's default 4 MB stack crashed there.
      const refused = deepNesting(build(Math.ceil(crashDepth / 2)), true);
      assert.ok(refused, `${shape} at ${crashDepth / 2} levels was let through`);
      assert.ok(refused.line >= 1);
      assert.equal(deepNesting(build(Math.floor(crashDepth / 10)), true), undefined, `${shape} at a tenth of the crash depth was refused`);
    });
  }

  it('says at which line the nesting got too deep', () => {
    const text = `const ok = 1;\nconst also = 2;\nx = ${'('.repeat(5_000)}1${')'.repeat(5_000)};\n`;
    assert.equal(deepNesting(text, false)?.line, 3);
  });

  it('does not count brackets in strings, comments, regular expressions, template text or JSX text', () => {
    const many = '('.repeat(50_000);
    const texts = [
      `const s = "${many}";\nconst t = '${many}';`,
      `// ${many}\n/* ${many}\n${many} */\nx = 1;`,
      `const r = /${'\\('.repeat(25_000)}/g;\nconst q = /[(]/.test(x) ? /[[]/ : /\\//;`,
      `const t = \`${many}\${ a }${many}\`;`,
      `const e = <p title="${many}">{'('}${many.replace(/\(/g, '(x')}</p>;`,
    ];
    for (const text of texts) assert.equal(deepNesting(text, true), undefined, text.slice(0, 40));
  });

  it('lets real code of every size through: long modules without semicolons, minified code, big components, long chains', () => {
    const asiModule = Array.from({ length: 20_000 }, (_, i) => (i % 3 === 0 ? `const v${i} = await new Client(x => !x ? y : z)` : i % 3 === 1 ? `if (v${i}) run(v${i})` : `label${i}: for (const a of b) call(a)`)).join('\n');
    const minified = Array.from({ length: 20_000 }, (_, i) => `function f${i}(a,b){return a?b:new Date(+a)}`).join('') + Array.from({ length: 20_000 }, (_, i) => `!function(){x${i}=1}()`).join(';');
    const component = `export const Page = () => (\n  <div className="page">\n${Array.from({ length: 5_000 }, (_, i) => `    <Row key="${i}" onClick={() => open(${i})} label='it\\'s row ${i}'>Row ${i}: don't > miss (it) {value}</Row>`).join('\n')}\n  </div>\n);\n`;
    const concatenation = `const html = ${Array.from({ length: 5_000 }, (_, i) => `'<li>${i}</li>'`).join(' +\n  ')};`;
    const chain = `client${Array.from({ length: 5_000 }, (_, i) => `.api('/users/${i}')`).join('\n  ')}.get();`;
    const elseIfs = `function pick(x) {\n  if (x === 0) return 0;\n${Array.from({ length: 800 }, (_, i) => `  else if (x === ${i + 1}) { return ${i}; }`).join('\n')}\n}\n`;
    const generics = `const m: Map<string, Array<Promise<Record<string, Set<number>>>>> = new Map();\n`.repeat(5_000);
    for (const [name, text] of Object.entries({ asiModule, minified, component, concatenation, chain, elseIfs, generics })) {
      assert.equal(deepNesting(text, true), undefined, name);
    }
  });

  it('never throws on garbage, and reads 5 MB in one pass', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const alphabet = '()[]{}<>/\\\'"`${}!?:=;,.\n abc<a></a>/>';
    const garbage = Array.from({ length: 1_000_000 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    assert.doesNotThrow(() => deepNesting(garbage, true));
    assert.doesNotThrow(() => deepNesting(garbage, false));
    const big = 'export const a = [1, 2, 3].map((x) => ({ x, y: `${x}` }));\n'.repeat(90_000);
    assert.ok(big.length > 5_000_000);
    assert.equal(deepNesting(big, true), undefined);
  });

  it('a file nested past what oxc survives is reported as not parsed, on this thread and on the extraction threads, and the scan goes on', async () => {
    // Without the guard these crash the process (SIGSEGV in oxc's native parser), failing the whole test run.
    const hostile = `x = ${'('.repeat(40_000)}1${')'.repeat(40_000)};\nawait client.api('/me').get();\n`;
    const facts = extractJavaScript(new SourceFile('deep.js', hostile), () => undefined);
    assert.match(facts.parseError?.message ?? '', /nested too deep to parse safely by line 1/);
    assert.equal(facts.calls.length, 0);

    const files = [new SourceFile('src/deep.ts', hostile), ...Array.from({ length: 80 }, (_, i) => new SourceFile(`src/m${i}.ts`, `await client.api('/users/${i}').get();\n`))];
    const problems: ScanProblem[] = [];
    const extracted = await extractCodeInParallel({ files, apps: [], problems, graphOnly: true }, 2);
    assert.deepEqual(problems.map((problem) => [problem.kind, problem.file, problem.line]), [['parse-error', 'src/deep.ts', 1]]);
    assert.match(problems[0]!.message, /could not parse JavaScript\/TypeScript: nested too deep/);
    assert.equal(extracted.flatMap((entry) => entry.facts.calls).length, 80);
  });
});
