/**
 * CVSS base scores computed from vectors (v2, v3.0/3.1, v4.0), so a severity never depends on a label an
 * advisory database chose. Formulas and constants: FIRST CVSS v2 guide section 3.2.1, CVSS v3.1
 * specification section 7 and appendix A (Roundup), CVSS v4.0 specification section 8 and the FIRST
 * reference calculator's macrovector table (cvss_lookup.js), transcribed below.
 */

export type SeverityBand = 'critical' | 'high' | 'medium' | 'low' | 'none';

export interface CvssScore {
  version: '2.0' | '3.0' | '3.1' | '4.0';
  vector: string;
  score: number;
  band: SeverityBand;
}

/** The certification's bands (OPS-4 [S1]): 9.0–10 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
export function bandOf(score: number): SeverityBand {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

export class CvssError extends Error {}

/** Scores a vector of any supported version; throws CvssError naming what is wrong. */
export function scoreVector(vector: string): CvssScore {
  const trimmed = vector.trim();
  if (trimmed.startsWith('CVSS:4.0/')) return finish('4.0', trimmed, scoreV4(parseMetrics(trimmed.slice(9), V4_VALUES, V4_REQUIRED)));
  const v3 = /^CVSS:3\.([01])\//.exec(trimmed);
  if (v3) return finish(v3[1] === '1' ? '3.1' : '3.0', trimmed, scoreV3(parseMetrics(trimmed.slice(9), V3_VALUES, V3_REQUIRED)));
  if (/^(\(?AV:)/.test(trimmed)) return finish('2.0', trimmed, scoreV2(parseMetrics(trimmed.replace(/^\(|\)$/g, ''), V2_VALUES, V2_REQUIRED)));
  throw new CvssError(`not a CVSS vector: ${JSON.stringify(trimmed.slice(0, 60))}`);
}

function finish(version: CvssScore['version'], vector: string, score: number): CvssScore {
  return { version, vector, score, band: bandOf(score) };
}

function parseMetrics(body: string, allowed: Record<string, string[]>, required: string[]): Record<string, string> {
  const metrics: Record<string, string> = {};
  for (const part of body.split('/')) {
    const [key, value, extra] = part.split(':');
    if (!key || value === undefined || extra !== undefined) throw new CvssError(`malformed metric ${JSON.stringify(part)}`);
    if (!allowed[key]) throw new CvssError(`unknown metric ${key}`);
    if (!allowed[key]!.includes(value)) throw new CvssError(`${key}:${value} is not a valid value of ${key}`);
    if (key in metrics) throw new CvssError(`metric ${key} given twice`);
    metrics[key] = value;
  }
  const missing = required.filter((key) => !(key in metrics));
  if (missing.length) throw new CvssError(`base metric(s) ${missing.join(', ')} missing`);
  return metrics;
}

// ---- CVSS v2 --------------------------------------------------------------------------------------------
const V2_VALUES: Record<string, string[]> = {
  AV: ['L', 'A', 'N'], AC: ['H', 'M', 'L'], Au: ['M', 'S', 'N'], C: ['N', 'P', 'C'], I: ['N', 'P', 'C'], A: ['N', 'P', 'C'],
  E: ['U', 'POC', 'F', 'H', 'ND'], RL: ['OF', 'TF', 'W', 'U', 'ND'], RC: ['UC', 'UR', 'C', 'ND'],
  CDP: ['N', 'L', 'LM', 'MH', 'H', 'ND'], TD: ['N', 'L', 'M', 'H', 'ND'], CR: ['L', 'M', 'H', 'ND'], IR: ['L', 'M', 'H', 'ND'], AR: ['L', 'M', 'H', 'ND'],
};
const V2_REQUIRED = ['AV', 'AC', 'Au', 'C', 'I', 'A'];

function scoreV2(m: Record<string, string>): number {
  const impactOf = { N: 0, P: 0.275, C: 0.66 } as Record<string, number>;
  const impact = 10.41 * (1 - (1 - impactOf[m.C!]!) * (1 - impactOf[m.I!]!) * (1 - impactOf[m.A!]!));
  const exploitability = 20 * ({ L: 0.395, A: 0.646, N: 1 } as Record<string, number>)[m.AV!]! * ({ H: 0.35, M: 0.61, L: 0.71 } as Record<string, number>)[m.AC!]! * ({ M: 0.45, S: 0.56, N: 0.704 } as Record<string, number>)[m.Au!]!;
  const base = (0.6 * impact + 0.4 * exploitability - 1.5) * (impact === 0 ? 0 : 1.176);
  return Math.round(base * 10) / 10;
}

// ---- CVSS v3.0 / v3.1 -----------------------------------------------------------------------------------
const V3_VALUES: Record<string, string[]> = {
  AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], PR: ['N', 'L', 'H'], UI: ['N', 'R'], S: ['U', 'C'], C: ['H', 'L', 'N'], I: ['H', 'L', 'N'], A: ['H', 'L', 'N'],
  E: ['X', 'U', 'P', 'F', 'H'], RL: ['X', 'O', 'T', 'W', 'U'], RC: ['X', 'U', 'R', 'C'],
  CR: ['X', 'L', 'M', 'H'], IR: ['X', 'L', 'M', 'H'], AR: ['X', 'L', 'M', 'H'],
  MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'R'], MS: ['X', 'U', 'C'], MC: ['X', 'H', 'L', 'N'], MI: ['X', 'H', 'L', 'N'], MA: ['X', 'H', 'L', 'N'],
};
const V3_REQUIRED = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'];

/** CVSS v3.1 Roundup: the smallest one-decimal number ≥ the input, free of floating-point error. */
function roundUp(value: number): number {
  const integer = Math.round(value * 100_000);
  return integer % 10_000 === 0 ? integer / 100_000 : (Math.floor(integer / 10_000) + 1) / 10;
}

function scoreV3(m: Record<string, string>): number {
  const changed = m.S === 'C';
  const cia = { H: 0.56, L: 0.22, N: 0 } as Record<string, number>;
  const iss = 1 - (1 - cia[m.C!]!) * (1 - cia[m.I!]!) * (1 - cia[m.A!]!);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 : 6.42 * iss;
  const privileges = changed ? ({ N: 0.85, L: 0.68, H: 0.5 } as Record<string, number>) : ({ N: 0.85, L: 0.62, H: 0.27 } as Record<string, number>);
  const exploitability = 8.22 * ({ N: 0.85, A: 0.62, L: 0.55, P: 0.2 } as Record<string, number>)[m.AV!]! * ({ L: 0.77, H: 0.44 } as Record<string, number>)[m.AC!]! * privileges[m.PR!]! * ({ N: 0.85, R: 0.62 } as Record<string, number>)[m.UI!]!;
  if (impact <= 0) return 0;
  return changed ? roundUp(Math.min(1.08 * (impact + exploitability), 10)) : roundUp(Math.min(impact + exploitability, 10));
}

// ---- CVSS v4.0 ------------------------------------------------------------------------------------------
const V4_VALUES: Record<string, string[]> = {
  AV: ['N', 'A', 'L', 'P'], AC: ['L', 'H'], AT: ['N', 'P'], PR: ['N', 'L', 'H'], UI: ['N', 'P', 'A'],
  VC: ['H', 'L', 'N'], VI: ['H', 'L', 'N'], VA: ['H', 'L', 'N'], SC: ['H', 'L', 'N'], SI: ['H', 'L', 'N'], SA: ['H', 'L', 'N'],
  E: ['X', 'A', 'P', 'U'], CR: ['X', 'H', 'M', 'L'], IR: ['X', 'H', 'M', 'L'], AR: ['X', 'H', 'M', 'L'],
  MAV: ['X', 'N', 'A', 'L', 'P'], MAC: ['X', 'L', 'H'], MAT: ['X', 'N', 'P'], MPR: ['X', 'N', 'L', 'H'], MUI: ['X', 'N', 'P', 'A'],
  MVC: ['X', 'H', 'L', 'N'], MVI: ['X', 'H', 'L', 'N'], MVA: ['X', 'H', 'L', 'N'], MSC: ['X', 'H', 'L', 'N'], MSI: ['X', 'S', 'H', 'L', 'N'], MSA: ['X', 'S', 'H', 'L', 'N'],
  S: ['X', 'N', 'P'], AU: ['X', 'N', 'Y'], R: ['X', 'A', 'U', 'I'], V: ['X', 'D', 'C'], RE: ['X', 'L', 'M', 'H'], U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
};
const V4_REQUIRED = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'];

/** Macrovector → score, as published with the CVSS v4.0 specification (FIRST cvss_lookup.js). */
const V4_LOOKUP: Record<string, number> = Object.fromEntries(
  (
    '000000 10|000001 9.9|000010 9.8|000011 9.5|000020 9.5|000021 9.2|000100 10|000101 9.6|000110 9.3|000111 8.7|000120 9.1|000121 8.1|000200 9.3|000201 9|000210 8.9|000211 8|000220 8.1|000221 6.8|' +
    '001000 9.8|001001 9.5|001010 9.5|001011 9.2|001020 9|001021 8.4|001100 9.3|001101 9.2|001110 8.9|001111 8.1|001120 8.1|001121 6.5|001200 8.8|001201 8|001210 7.8|001211 7|001220 6.9|001221 4.8|' +
    '002001 9.2|002011 8.2|002021 7.2|002101 7.9|002111 6.9|002121 5|002201 6.9|002211 5.5|002221 2.7|' +
    '010000 9.9|010001 9.7|010010 9.5|010011 9.2|010020 9.2|010021 8.5|010100 9.5|010101 9.1|010110 9|010111 8.3|010120 8.4|010121 7.1|010200 9.2|010201 8.1|010210 8.2|010211 7.1|010220 7.2|010221 5.3|' +
    '011000 9.5|011001 9.3|011010 9.2|011011 8.5|011020 8.5|011021 7.3|011100 9.2|011101 8.2|011110 8|011111 7.2|011120 7|011121 5.9|011200 8.4|011201 7|011210 7.1|011211 5.2|011220 5|011221 3|' +
    '012001 8.6|012011 7.5|012021 5.2|012101 7.1|012111 5.2|012121 2.9|012201 6.3|012211 2.9|012221 1.7|' +
    '100000 9.8|100001 9.5|100010 9.4|100011 8.7|100020 9.1|100021 8.1|100100 9.4|100101 8.9|100110 8.6|100111 7.4|100120 7.7|100121 6.4|100200 8.7|100201 7.5|100210 7.4|100211 6.3|100220 6.3|100221 4.9|' +
    '101000 9.4|101001 8.9|101010 8.8|101011 7.7|101020 7.6|101021 6.7|101100 8.6|101101 7.6|101110 7.4|101111 5.8|101120 5.9|101121 5|101200 7.2|101201 5.7|101210 5.7|101211 5.2|101220 5.2|101221 2.5|' +
    '102001 8.3|102011 7|102021 5.4|102101 6.5|102111 5.8|102121 2.6|102201 5.3|102211 2.1|102221 1.3|' +
    '110000 9.5|110001 9|110010 8.8|110011 7.6|110020 7.6|110021 7|110100 9|110101 7.7|110110 7.5|110111 6.2|110120 6.1|110121 5.3|110200 7.7|110201 6.6|110210 6.8|110211 5.9|110220 5.2|110221 3|' +
    '111000 8.9|111001 7.8|111010 7.6|111011 6.7|111020 6.2|111021 5.8|111100 7.4|111101 5.9|111110 5.7|111111 5.7|111120 4.7|111121 2.3|111200 6.1|111201 5.2|111210 5.7|111211 2.9|111220 2.4|111221 1.6|' +
    '112001 7.1|112011 5.9|112021 3|112101 5.8|112111 2.6|112121 1.5|112201 2.3|112211 1.3|112221 0.6|' +
    '200000 9.3|200001 8.7|200010 8.6|200011 7.2|200020 7.5|200021 5.8|200100 8.6|200101 7.4|200110 7.4|200111 6.1|200120 5.6|200121 3.4|200200 7|200201 5.4|200210 5.2|200211 4|200220 4|200221 2.2|' +
    '201000 8.5|201001 7.5|201010 7.4|201011 5.5|201020 6.2|201021 5.1|201100 7.2|201101 5.7|201110 5.5|201111 4.1|201120 4.6|201121 1.9|201200 5.3|201201 3.6|201210 3.4|201211 1.9|201220 1.9|201221 0.8|' +
    '202001 6.4|202011 5.1|202021 2|202101 4.7|202111 2.1|202121 1.1|202201 2.4|202211 0.9|202221 0.4|' +
    '210000 8.8|210001 7.5|210010 7.3|210011 5.3|210020 6|210021 5|210100 7.3|210101 5.5|210110 5.9|210111 4|210120 4.1|210121 2|210200 5.4|210201 4.3|210210 4.5|210211 2.2|210220 2|210221 1.1|' +
    '211000 7.5|211001 5.5|211010 5.8|211011 4.5|211020 4|211021 2.1|211100 6.1|211101 5.1|211110 4.8|211111 1.8|211120 2|211121 0.9|211200 4.6|211201 1.8|211210 1.7|211211 0.7|211220 0.8|211221 0.2|' +
    '212001 5.3|212011 2.4|212021 1.4|212101 2.4|212111 1.2|212121 0.5|212201 1|212211 0.3|212221 0.1'
  ).split('|').map((entry) => {
    const [key, value] = entry.split(' ');
    return [key!, Number(value)];
  }),
);

/** The highest-severity vectors of each equivalence class (specification table 24). */
const V4_MAX_COMPOSED = {
  eq1: [['AV:N/PR:N/UI:N/'], ['AV:A/PR:N/UI:N/', 'AV:N/PR:L/UI:N/', 'AV:N/PR:N/UI:P/'], ['AV:P/PR:N/UI:N/', 'AV:A/PR:L/UI:P/']],
  eq2: [['AC:L/AT:N/'], ['AC:H/AT:N/', 'AC:L/AT:P/']],
  /** Indexed [eq3][eq6]. */
  eq3eq6: [
    [['VC:H/VI:H/VA:H/CR:H/IR:H/AR:H/'], ['VC:H/VI:H/VA:L/CR:M/IR:M/AR:H/', 'VC:H/VI:H/VA:H/CR:M/IR:M/AR:M/']],
    [['VC:L/VI:H/VA:H/CR:H/IR:H/AR:H/', 'VC:H/VI:L/VA:H/CR:H/IR:H/AR:H/'], ['VC:L/VI:H/VA:L/CR:H/IR:M/AR:H/', 'VC:L/VI:H/VA:H/CR:H/IR:M/AR:M/', 'VC:H/VI:L/VA:H/CR:M/IR:H/AR:M/', 'VC:H/VI:L/VA:L/CR:M/IR:H/AR:H/', 'VC:L/VI:L/VA:H/CR:H/IR:H/AR:M/']],
    [[], ['VC:L/VI:L/VA:L/CR:H/IR:H/AR:H/']],
  ],
  eq4: [['SC:H/SI:S/SA:S/'], ['SC:H/SI:H/SA:H/'], ['SC:L/SI:L/SA:L/']],
  eq5: [['E:A/'], ['E:P/'], ['E:U/']],
} as const;

/** Depth of each equivalence class in tenths (specification section 8.2). */
const V4_MAX_SEVERITY = { eq1: [1, 4, 5], eq2: [1, 2], eq3eq6: [[7, 6], [8, 8], [10, 10]], eq4: [6, 5, 4] };

/** Distance of each metric value from the most severe one, in tenths. */
const V4_LEVELS: Record<string, Record<string, number>> = {
  AV: { N: 0, A: 0.1, L: 0.2, P: 0.3 }, PR: { N: 0, L: 0.1, H: 0.2 }, UI: { N: 0, P: 0.1, A: 0.2 },
  AC: { L: 0, H: 0.1 }, AT: { N: 0, P: 0.1 },
  VC: { H: 0, L: 0.1, N: 0.2 }, VI: { H: 0, L: 0.1, N: 0.2 }, VA: { H: 0, L: 0.1, N: 0.2 },
  SC: { H: 0.1, L: 0.2, N: 0.3 }, SI: { S: 0, H: 0.1, L: 0.2, N: 0.3 }, SA: { S: 0, H: 0.1, L: 0.2, N: 0.3 },
  CR: { H: 0, M: 0.1, L: 0.2 }, IR: { H: 0, M: 0.1, L: 0.2 }, AR: { H: 0, M: 0.1, L: 0.2 },
};

function scoreV4(metrics: Record<string, string>): number {
  // Effective value: the environmental (modified) metric when set, with the specification's defaults.
  const value = (metric: string): string => {
    const modified = metrics[`M${metric}`];
    if (modified && modified !== 'X') return modified;
    const selected = metrics[metric] ?? 'X';
    if (metric === 'E' && selected === 'X') return 'A';
    if ((metric === 'CR' || metric === 'IR' || metric === 'AR') && selected === 'X') return 'H';
    return selected;
  };
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every((metric) => value(metric) === 'N')) return 0;
  const [av, pr, ui, ac, at, vc, vi, va, sc, si, sa, e, cr, ir, ar] = ['AV', 'PR', 'UI', 'AC', 'AT', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA', 'E', 'CR', 'IR', 'AR'].map(value) as string[];
  const eq1 = av === 'N' && pr === 'N' && ui === 'N' ? 0 : (av === 'N' || pr === 'N' || ui === 'N') && av !== 'P' ? 1 : 2;
  const eq2 = ac === 'L' && at === 'N' ? 0 : 1;
  const eq3 = vc === 'H' && vi === 'H' ? 0 : vc === 'H' || vi === 'H' || va === 'H' ? 1 : 2;
  const eq4 = value('MSI') === 'S' || value('MSA') === 'S' ? 0 : sc === 'H' || si === 'H' || sa === 'H' ? 1 : 2;
  const eq5 = ({ A: 0, P: 1, U: 2 } as Record<string, number>)[e!]!;
  const eq6 = (cr === 'H' && vc === 'H') || (ir === 'H' && vi === 'H') || (ar === 'H' && va === 'H') ? 0 : 1;
  const lookup = (a: number, b: number, c: number, d: number, f: number, g: number) => V4_LOOKUP[`${a}${b}${c}${d}${f}${g}`];
  const score = lookup(eq1, eq2, eq3, eq4, eq5, eq6)!;

  // Score of the next lower macrovector along each equation; absent when there is none.
  const lowerEq1 = lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
  const lowerEq2 = lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
  let lowerEq3eq6: number | undefined;
  if (eq3 === 0 && eq6 === 0) {
    const candidates = [lookup(eq1, eq2, eq3, eq4, eq5, 1), lookup(eq1, eq2, 1, eq4, eq5, eq6)].filter((item): item is number => item !== undefined);
    lowerEq3eq6 = candidates.length ? Math.max(...candidates) : undefined;
  } else if (eq3 === 1 && eq6 === 0) lowerEq3eq6 = lookup(eq1, eq2, eq3, eq4, eq5, 1);
  else lowerEq3eq6 = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
  const lowerEq4 = lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
  const lowerEq5 = lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

  // The first highest-severity vector of the class that the vector does not exceed on any metric.
  const maxima: string[] = [];
  for (const a of V4_MAX_COMPOSED.eq1[eq1]!) for (const b of V4_MAX_COMPOSED.eq2[eq2]!) for (const c of V4_MAX_COMPOSED.eq3eq6[eq3]![eq6]!) for (const d of V4_MAX_COMPOSED.eq4[eq4]!) for (const f of V4_MAX_COMPOSED.eq5[eq5]!) maxima.push(a + b + c + d + f);
  let distance: Record<string, number> = {};
  for (const maximum of maxima) {
    distance = {};
    let exceeds = false;
    for (const metric of Object.keys(V4_LEVELS)) {
      const of = new RegExp(`(?:^|/)${metric}:([^/]+)/`).exec(maximum)?.[1] ?? '';
      distance[metric] = V4_LEVELS[metric]![value(metric)]! - V4_LEVELS[metric]![of]!;
      if (distance[metric]! < 0) exceeds = true;
    }
    if (!exceeds) break;
  }
  const sum = (...metrics: string[]) => metrics.reduce((total, metric) => total + (distance[metric] ?? 0), 0);
  const step = 0.1;
  const parts: [number | undefined, number, number][] = [
    [lowerEq1, sum('AV', 'PR', 'UI'), V4_MAX_SEVERITY.eq1[eq1]! * step],
    [lowerEq2, sum('AC', 'AT'), V4_MAX_SEVERITY.eq2[eq2]! * step],
    [lowerEq3eq6, sum('VC', 'VI', 'VA', 'CR', 'IR', 'AR'), V4_MAX_SEVERITY.eq3eq6[eq3]![eq6]! * step],
    [lowerEq4, sum('SC', 'SI', 'SA'), V4_MAX_SEVERITY.eq4[eq4]! * step],
    [lowerEq5, 0, 1],
  ];
  let count = 0;
  let total = 0;
  for (const [lower, current, depth] of parts) {
    if (lower === undefined) continue;
    const available = score - lower;
    if (available < 0) continue;
    count++;
    total += available * (current / depth);
  }
  const adjusted = Math.max(0, Math.min(10, score - (count ? total / count : 0)));
  return Math.round((adjusted + 1e-6) * 10) / 10;
}
