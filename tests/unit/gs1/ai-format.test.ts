import { describe, expect, it } from 'vitest';
import { checkElement } from '../../../src/gs1/ai-format.ts';
import { AI_TABLE, aiDefinition, leadingAi } from '../../../src/gs1/ai-table.ts';

describe('the AI table', () => {
  // GS1 General Specifications figure 7.8.5-2: predefined-length AIs.
  it('marks 00, 01, 11-17, 20, 31nn-36nn and 410-417 as predefined length', () => {
    for (const ai of ['00', '01', '02', '11', '17', '20', '3103', '3365', '414', '417']) {
      expect(aiDefinition(ai)?.predefined, ai).toBe(true);
    }
    for (const ai of ['10', '21', '254', '7040', '8006', '8017', '253']) {
      expect(aiDefinition(ai)?.predefined, ai).toBe(false);
    }
  });

  // The table is a restatement of the Syntax Dictionary: every row must read back as components of
  // a known character set with sane lengths, and every req=/ex= pattern as a 2- to 4-digit AI pattern.
  it('reads every row of the table into well-formed components and pairing patterns', () => {
    for (const [ai, definition] of AI_TABLE) {
      expect(definition.components.length, ai).toBeGreaterThan(0);
      for (const c of definition.components) {
        expect(['N', 'X', 'Y', 'Z'], ai).toContain(c.charset);
        expect(Number.isInteger(c.min) && Number.isInteger(c.max) && c.min >= 1 && c.max >= c.min, ai).toBe(
          true,
        );
      }
      const patterns = [...definition.excludes, ...definition.requires.flat(2)];
      for (const pattern of patterns) expect(pattern, ai).toMatch(/^[0-9n]{2,4}$/);
    }
    expect(aiDefinition('8001')?.requires).toEqual([[['01']]]);
    expect(aiDefinition('423')?.excludes).toEqual(['426']);
  });

  it('knows the measures 31nn-36nn only with a decimal indicator 0-5', () => {
    expect(aiDefinition('3105')).toBeDefined();
    expect(aiDefinition('3106')).toBeUndefined();
    expect(aiDefinition('3380')).toBeUndefined();
    expect(aiDefinition('3909')).toBeDefined();
  });

  it('covers every identification key and qualifier the plate flow needs', () => {
    const needed = [
      '00',
      '01',
      '253',
      '255',
      '401',
      '402',
      '414',
      '417',
      '8003',
      '8004',
      '8006',
      '8010',
      '8017',
    ];
    const qualifiers = ['22', '10', '21', '235', '254', '7040', '8011', '8019', '8020'];
    for (const ai of [...needed, '8018', ...qualifiers, '7240', '7003', '8200', '90', '99']) {
      expect(AI_TABLE.has(ai), ai).toBe(true);
    }
  });

  // Syntax Dictionary `?` flag: qualifiers are not data attributes, ordinary attributes are.
  it('permits ordinary attributes but not key qualifiers as Digital Link data attributes', () => {
    expect(aiDefinition('7240')?.dataAttribute).toBe(true);
    expect(aiDefinition('17')?.dataAttribute).toBe(true);
    expect(aiDefinition('254')?.dataAttribute).toBe(false);
    expect(aiDefinition('7040')?.dataAttribute).toBe(false);
    expect(aiDefinition('21')?.dataAttribute).toBe(false);
  });

  it('reads the AI at the start of an element string whatever its length', () => {
    expect(leadingAi('4146260000000019')?.ai).toBe('414');
    expect(leadingAi('0109520123456788')?.ai).toBe('01');
    expect(leadingAi('7240ABC')?.ai).toBe('7240');
    expect(leadingAi('2399')).toBeUndefined();
  });
});

describe('checkElement', () => {
  // General Specifications section 3, AI 414 (Syntax Dictionary row `414 *? N13,csum,gcppos1`): 13 digits,
  // the last the mod-10 check digit of 7.9.1.
  it('accepts a GLN and rejects a wrong check digit, length or character', () => {
    expect(checkElement('414', '6260000000019')).toBeNull();
    expect(checkElement('414', '6260000000018')?.code).toBe('bad-check-digit');
    expect(checkElement('414', '626000000001')?.code).toBe('bad-length');
    expect(checkElement('414', '62600000000019')?.code).toBe('bad-length');
    expect(checkElement('414', '62600000000A9')?.code).toBe('bad-character');
  });

  // AI 254 (Syntax Dictionary `254 X..20`): 1 to 20 characters of CSET 82, General Specifications
  // figure 7.11-1; Persian letters and spaces are not in it.
  it('holds a GLN extension to 1-20 characters of CSET 82', () => {
    expect(checkElement('254', 'A12/b-3')).toBeNull();
    expect(checkElement('254', 'x'.repeat(20))).toBeNull();
    expect(checkElement('254', 'x'.repeat(21))?.code).toBe('bad-length');
    expect(checkElement('254', 'A B')?.code).toBe('bad-character');
    expect(checkElement('254', 'طبقه۲')?.code).toBe('bad-character');
    expect(checkElement('254', '')?.code).toBe('empty-value');
  });

  // AI 8010 `Y..30,gcppos1` and AI 8030 `Z..90`: CSET 39 (figure 7.11-2: digits, capitals, # - /) and CSET 64
  // (figure 7.11-3: the URL-safe base64 alphabet and its = padding), General Specifications 7.11.
  it('checks CSET 39 for a CPID and CSET 64 for a digital signature', () => {
    expect(checkElement('8010', '9520AB-12/#')).toBeNull();
    expect(checkElement('8010', 'ab')?.code).toBe('bad-character');
    expect(checkElement('8030', 'AbC-_09==')).toBeNull();
    expect(checkElement('8030', 'Ab+C')?.code).toBe('bad-character');
  });

  // Syntax Dictionary rows `253 N13,csum,gcppos1 [X..17]`, `255 N13,csum,gcppos1 [N..12]`, `8003 N1,zero
  // N13,csum,gcppos1 [X..16]` and `8006 N14,csum,gcppos2 N4,pieceoftotal`: the key part carries a
  // 7.9.1 check digit; the GRAI starts with a 0 (linter `zero`) and the ITIP's piece and total
  // follow as four digits.
  it('checks the check digit of the leading part of GDTI, GCN, GRAI and ITIP', () => {
    expect(checkElement('253', '9520123456788ABC')).toBeNull();
    expect(checkElement('253', '9520123456787')?.code).toBe('bad-check-digit');
    expect(checkElement('255', '9520123456788123')).toBeNull();
    expect(checkElement('8003', '09520123456788X1')).toBeNull();
    expect(checkElement('8003', '19520123456788')?.code).toBe('bad-value');
    expect(checkElement('8006', '095201234567880102')).toBeNull();
    expect(checkElement('8006', '0952012345678801')?.code).toBe('bad-length');
  });

  // General Specifications 7.12 and the Syntax Dictionary linters `yymmd0` (AI 17 may end in 00: the
  // month's last day), `yymmdd` (7006 may not), `yymmdd` + `hhmi` (7003), `yyyymmdd` (7250, whose
  // 1900 is not a leap year) and 8008's `N6,yymmdd N2,hh [N2],mi [N2],ss` (a date and an hour, then
  // optional minutes and seconds).
  it('validates dates, times and their day-zero variant', () => {
    expect(checkElement('17', '251231')).toBeNull();
    expect(checkElement('17', '251200')).toBeNull();
    expect(checkElement('17', '251301')?.code).toBe('bad-value');
    expect(checkElement('17', '250230')?.code).toBe('bad-value');
    expect(checkElement('7006', '250100')?.code).toBe('bad-value');
    expect(checkElement('7003', '2512312359')).toBeNull();
    expect(checkElement('7003', '2512312460')?.code).toBe('bad-value');
    expect(checkElement('7250', '20000229')).toBeNull();
    expect(checkElement('7250', '19000229')?.code).toBe('bad-value');
    expect(checkElement('8008', '25123123')).toBeNull();
    expect(checkElement('8008', '2512312359')).toBeNull();
    expect(checkElement('8008', '25123124')?.code).toBe('bad-value');
    expect(checkElement('8008', '251231236')?.code).toBe('bad-length');
    expect(checkElement('8008', '25123123596')?.code).toBe('bad-length');
    expect(checkElement('8008', '251231235960')?.code).toBe('bad-value');
  });

  // AI 310n, net weight in kg (Syntax Dictionary `3100-3105 *? N6`): six digits, the AI's last digit
  // places the decimal point.
  it('takes a weight with its decimal indicator as six digits', () => {
    expect(checkElement('3103', '000195')).toBeNull();
    expect(checkElement('3103', '195')?.code).toBe('bad-length');
  });

  // Syntax Dictionary linters: `nozeroprefix` (AI 8011, a GCN serial: no leading zero unless it is 0)
  // and `pcenc` (AI 4300, a name: its own percent-encoding, General Specifications 3.8.25, must be
  // well formed).
  it('applies the remaining content rules: no leading zero, valid percent-escapes', () => {
    expect(checkElement('8011', '123')).toBeNull();
    expect(checkElement('8011', '0123')?.code).toBe('bad-value');
    expect(checkElement('8011', '0')).toBeNull();
    expect(checkElement('4300', 'Kala%20Be%20Fi')).toBeNull();
    expect(checkElement('4300', 'Kala%2')?.code).toBe('bad-value');
  });

  // AI 23 is not assigned (General Specifications section 3; no Syntax Dictionary row).
  it('answers unknown-ai for an AI that does not exist', () => {
    expect(checkElement('23', 'x')?.code).toBe('unknown-ai');
    expect(checkElement('23', 'x')?.ai).toBe('23');
  });
});

// The content rules ("linters") the Syntax Dictionary names, each with a failing value from the
// GS1 Barcode Syntax Engine's test_ai_linters table unless said otherwise.
describe('checkElement: Syntax Dictionary linters', () => {
  it('gcppos1: a GINC, GIAI-assembly or GMN starts with a GS1 Company Prefix of at least four digits', () => {
    expect(checkElement('401', '123')?.code).toBe('bad-length'); // GS1_LINTER_TOO_SHORT_FOR_GCP
    expect(checkElement('401', '1234')).toBeNull();
    expect(checkElement('401', '9520ABC')).toBeNull();
    expect(checkElement('7023', '12A4')?.code).toBe('bad-value'); // GS1_LINTER_INVALID_GCP_PREFIX
    expect(checkElement('8004', 'ABCD1234')?.code).toBe('bad-value');
  });

  it('importeridx: the last character of a UIC with extension (7040) is 0-9, A-Z, a-z, - or _', () => {
    expect(checkElement('7040', '1AB=')?.code).toBe('bad-value'); // GS1_LINTER_INVALID_IMPORT_IDX_CHARACTER
    expect(checkElement('7040', '1AB-')).toBeNull();
    expect(checkElement('7040', '1ABz')).toBeNull();
  });

  it('nonzero and winding: roll dimensions (8001) are not zero and wind 0, 1 or 9', () => {
    expect(checkElement('8001', '12340000012311')?.code).toBe('bad-value'); // ILLEGAL_ZERO_VALUE
    expect(checkElement('8001', '12341234512321')?.code).toBe('bad-value'); // INVALID_WINDING_DIRECTION
    expect(checkElement('8001', '12341234512391')).toBeNull();
  });

  it('yesno, hyphen and iso5218: one-character codes', () => {
    expect(checkElement('4321', '2')?.code).toBe('bad-value'); // NOT_ZERO_OR_ONE
    expect(checkElement('4321', '1')).toBeNull();
    expect(checkElement('4330', '000000X')?.code).toBe('bad-value'); // NOT_HYPHEN
    expect(checkElement('4330', '000000-')).toBeNull();
    expect(checkElement('7252', '5')?.code).toBe('bad-value'); // INVALID_BIOLOGICAL_SEX_CODE
    expect(checkElement('7252', '9')).toBeNull();
  });

  it('pieceoftotal: an ITIP piece is neither zero nor more than the total', () => {
    expect(checkElement('8026', '123456789012310099')?.code).toBe('bad-value'); // ZERO_PIECE_NUMBER
    expect(checkElement('8026', '123456789012310100')?.code).toBe('bad-value'); // ZERO_TOTAL_PIECES
    expect(checkElement('8026', '123456789012310302')?.code).toBe('bad-value'); // PIECE_NUMBER_EXCEEDS_TOTAL
    expect(checkElement('8026', '123456789012310202')).toBeNull();
  });

  it('latitude and longitude: AI 4309 stays within 180 and 360 degrees of offset', () => {
    expect(checkElement('4309', '18000000010000000000')?.code).toBe('bad-value'); // INVALID_LATITUDE
    expect(checkElement('4309', '00000000003600000001')?.code).toBe('bad-value'); // INVALID_LONGITUDE
    expect(checkElement('4309', '18000000003600000000')).toBeNull();
  });

  it('posinseqslash: a birth sequence (7258) is n/m with no leading zero and n no more than m', () => {
    expect(checkElement('7258', '111')?.code).toBe('bad-value'); // POSITION_IN_SEQUENCE_MALFORMED
    expect(checkElement('7258', '0/3')?.code).toBe('bad-value'); // ILLEGAL_ZERO_PREFIX
    expect(checkElement('7258', '2/1')?.code).toBe('bad-value'); // POSITION_EXCEEDS_END
    expect(checkElement('7258', '1/2')).toBeNull();
  });

  // General Specifications, check character pair for alphanumeric keys; the GMN example there is
  // 1987654Ad4X4bL5ttr2310c with the pair 2K.
  it('csumalpha: the check character pair of a GMN', () => {
    expect(checkElement('8013', '1987654Ad4X4bL5ttr2310c2K')).toBeNull();
    expect(checkElement('8013', '1987654Ad4X4bL5ttr2310c2L')?.code).toBe('bad-check-digit');
    expect(checkElement('8013', '123456ABXX')?.code).toBe('bad-check-digit'); // INCORRECT_CHECK_PAIR
    expect(checkElement('8013', 'A')?.code).toBe('bad-length'); // TOO_SHORT_FOR_CHECK_PAIR
  });
});
