// The Application Identifier table: formats, predefined lengths and Digital Link roles.
// Source of the facts: GS1 General Specifications (section 3, AI definitions; figure 7.8.5-2,
// predefined-length AIs) as machine-readably restated by the GS1 Barcode Syntax Dictionary
// (2025 release). Each row is `AI[-AI] flags spec`:
//   flags: `*` predefined length (no FNC1 separator follows it in an element string),
//          `?` permitted as a Digital Link URI data attribute (URI Syntax 1.6, section 4.6),
//          `-` neither.
//   spec:  components such as `N13,csum` (13 digits with a mod-10 check digit), `X..20` (1 to 20
//          characters of CSET 82), `Y..30` (CSET 39), `Z..90` (CSET 64), `[X..17]` optional tail;
//          a name after a comma is a content rule (see ai-format.ts).

export type Charset = 'N' | 'X' | 'Y' | 'Z';
export type Component = { charset: Charset; min: number; max: number; optional: boolean; rules: string[] };
export type AiDefinition = {
  ai: string;
  components: Component[];
  /** Predefined length: never followed by FNC1 (General Specifications figure 7.8.5-2). */
  predefined: boolean;
  /** Permitted in a Digital Link query string. */
  dataAttribute: boolean;
  /** Total value length when every component is fixed and mandatory. */
  fixedLength?: number;
};

const ROWS = `
00 *? N18,csum
01 *? N14,csum
02 *? N14,csum
03 * N14,csum
10 ? X..20
11 *? N6,yymmd0
12 *? N6,yymmd0
13 *? N6,yymmd0
15 *? N6,yymmd0
16 *? N6,yymmd0
17 *? N6,yymmd0
20 *? N2
21 - X..20
22 - X..20
235 - X..28
240 ? X..30
241 ? X..30
242 ? N..6
243 ? X..20
250 ? X..30
251 ? X..30
253 ? N13,csum [X..17]
254 - X..20
255 ? N13,csum [N..12]
30 ? N..8
3100-3165 *? N6
3200-3295 *? N6
3300-3375 *? N6
3400-3495 *? N6
3500-3575 *? N6
3600-3695 *? N6
37 ? N..8
3900-3909 ? N..15
3910-3919 ? N3 N..15
3920-3929 ? N..15
3930-3939 ? N3 N..15
3940-3943 ? N4
3950-3955 ? N6
400 ? X..30
401 ? X..30
402 ? N17,csum
403 ? X..30
410-417 *? N13,csum
420 ? X..20
421 ? N3 X..9
422 ? N3
423 ? N3 [N..12]
424 ? N3
425 ? N3 [N..12]
426 ? N3
427 ? X..3
4300-4301 ? X..35,pcenc
4302-4306 ? X..70,pcenc
4307 ? X2
4308 ? X..30
4309 ? N10 N10
4310-4311 ? X..35,pcenc
4312-4316 ? X..70,pcenc
4317 ? X2
4318 ? X..20
4319 ? X..30
4320 ? X..35,pcenc
4321-4323 ? N1
4324-4325 ? N6,yymmd0 N4,hhmi
4326 ? N6,yymmdd
4330-4333 ? N6 [X1]
7001 ? N13
7002 ? X..30
7003 ? N6,yymmdd N4,hhmi
7004 ? N..4
7005 ? X..12
7006 ? N6,yymmdd
7007 ? N6,yymmdd [N6],yymmdd
7008 ? X..3
7009 ? X..10
7010 ? X..2
7011 ? N6,yymmdd [N4],hhmi
7020-7022 ? X..20
7023 ? X..30
7030-7039 ? N3 X..27
7040 - N1 X1 X1 X1
7041 - X..4
710-716 ? X..20
7230-7239 ? X2 X..28
7240 ? X..20
7241 ? N2
7242 ? X..25
7250 ? N8,yyyymmdd
7251 ? N8,yyyymmdd N4,hhmi
7252 ? N1
7253-7254 ? X..40,pcenc
7255 ? X..10
7256 ? X..90,pcenc
7257 ? X..70,pcenc
7258 ? X3
7259 ? X..40,pcenc
8001 ? N4 N5 N3 N1 N1
8002 ? X..20
8003 ? N1,zero N13,csum [X..16]
8004 ? X..30
8005 ? N6
8006 ? N14,csum N4
8007 ? X..34
8008 ? N6,yymmdd N2,hh [N2],mi [N2],ss
8009 ? X..50
8010 ? Y..30
8011 - N..12,nozeroprefix
8012 ? X..20
8013 ? X..25
8014 - X..25
8017-8018 ? N18,csum
8019 - N..10
8020 - X..25
8026 ? N14,csum N4
8030 ? Z..90
8110 ? X..70
8111 ? N4
8112 ? X..70
8200 - X..70
90 ? X..30
91-99 ? X..90
`;

function parseComponent(text: string): Component {
  const [typePart = '', ...rules] = text.split(',');
  const optional = typePart.startsWith('[');
  const type = typePart.replace(/[[\]]/g, '');
  const charset = type[0] as Charset;
  const variable = type.slice(1).startsWith('..');
  const n = Number(type.slice(variable ? 3 : 1));
  return { charset, min: variable ? 1 : n, max: n, optional, rules };
}

function buildTable(): Map<string, AiDefinition> {
  const table = new Map<string, AiDefinition>();
  for (const row of ROWS.trim().split('\n')) {
    const [range = '', flags = '', ...spec] = row.split(' ');
    const components = spec.map(parseComponent);
    const fixed = components.every((c) => !c.optional && c.min === c.max);
    const [from = '', to = from] = range.split('-');
    for (let n = Number(from); n <= Number(to); n++) {
      const ai = String(n).padStart(from.length, '0');
      // Measures 31nn-36nn take a decimal indicator 0-5 only (General Specifications 3.6).
      if (/^3[1-6]/.test(ai) && Number(ai[3]) > 5) continue;
      table.set(ai, {
        ai,
        components,
        predefined: flags.includes('*'),
        dataAttribute: flags.includes('?'),
        fixedLength: fixed ? components.reduce((sum, c) => sum + c.max, 0) : undefined,
      });
    }
  }
  return table;
}

export const AI_TABLE: ReadonlyMap<string, AiDefinition> = buildTable();

export function aiDefinition(ai: string): AiDefinition | undefined {
  return AI_TABLE.get(ai);
}

/**
 * Reads the AI at the start of `text`. AIs are prefix-free by design (General Specifications
 * 3.1), so at most one of the 2-, 3- and 4-digit prefixes names an AI.
 */
export function leadingAi(text: string): AiDefinition | undefined {
  for (let length = 2; length <= 4; length++) {
    const found = AI_TABLE.get(text.slice(0, length));
    if (found) return found;
  }
  return undefined;
}
