import { describe, expect, it } from 'vitest';
import { checkEvidence, evidenceProblemKey, type ServiceAttribute } from '../../../src/api/index.ts';
import { emptyDraft, validateDetails } from '../../../src/features/complaints/filing/evidence.ts';
import { checkEvidence as serverCheck } from '../../../src/server/complaints/evidence.ts';
import { tFor } from '../../../src/server/i18n.ts';

// One set of evidence rules for the form and the service: the same bad value is refused with the
// same code on both sides, and the code reads the same in each language.

const attr = (
  code: string,
  datatype: ServiceAttribute['datatype'],
  extra: Partial<ServiceAttribute> = {},
) => ({
  variable: true,
  code,
  datatype,
  required: false,
  datatype_description: '',
  order: 1,
  description: code,
  ...extra,
});
const def = {
  service_code: 'overpricing',
  attributes: [
    attr('price_paid', 'number', { required: true }),
    attr('receipt', 'string'),
    attr('purchase_time', 'datetime'),
    attr('guild_code', 'singlevaluelist', { values: [{ key: '4711', name: 'grocers' }] }),
  ],
};

describe('evidence rules shared by the form and the service', () => {
  const cases: [string, string, string][] = [
    ['price_paid', '', 'required'],
    ['price_paid', 'about a hundred', 'number'],
    ['purchase_time', 'yesterday', 'datetime'],
    ['receipt', 'x'.repeat(201), 'too-long'],
  ];
  for (const [code, typed, problem] of cases)
    it(`refuses ${code}=${typed.slice(0, 15) || '(empty)'} as ${problem} on both sides`, () => {
      const draft = {
        ...emptyDraft('overpricing'),
        declared: true,
        attributes: { price_paid: '100', [code]: typed },
      };
      const form = validateDetails(draft, def.attributes)[`attr-${code}`];
      const wire = checkEvidence(def, { price_paid: 100, [code]: typed });
      expect(form).toBe(evidenceProblemKey(problem as never));
      expect(wire.ok ? [] : wire.issues).toContainEqual(expect.objectContaining({ code, problem }));
    });

  it('words a refusal from the same locale string in the form and in the service', () => {
    for (const lang of ['fa', 'en'] as const) {
      const t = tFor(lang);
      const out = serverCheck(def, { price_paid: 'lots' }, t);
      expect(out.ok ? '' : out.errors[0]!.description).toContain(t(evidenceProblemKey('number')));
    }
  });

  it('reads Persian digits the shopper typed as the number the service takes', () => {
    const draft = { ...emptyDraft('overpricing'), declared: true, attributes: { price_paid: '۱۲۰٬۰۰۰' } };
    expect(validateDetails(draft, def.attributes)).toEqual({});
    expect(checkEvidence(def, { price_paid: '۱۲۰٬۰۰۰' })).toEqual({
      ok: true,
      value: { price_paid: 120000 },
    });
  });

  it('refuses an option not in the list and evidence the category does not define', () => {
    const out = checkEvidence(def, { price_paid: 1, guild_code: '9999', colour: 'red' });
    expect(out.ok ? [] : out.issues.map((i) => [i.code, i.problem])).toEqual([
      ['colour', 'unknown'],
      ['guild_code', 'not-in-list'],
    ]);
  });
});
