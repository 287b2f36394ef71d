import { describe, expect, it } from 'vitest';
import { COMPLAINT_LINK_TYPE, GS1_VOC, type Linkset } from '../../../src/api/index.ts';
import { summariseLinkset } from '../../../src/features/place/linkset-summary.ts';

// RFC 9264 linkset, as GS1-Conformant Resolver 1.2.0 answers it: "If the request GS1 Digital Link
// URI includes one or more key qualifiers, any links associated with ... each level up to the
// primary key SHALL be included" — so a sub-location's answer has its context first, then the GLN's.
const linkset: Linkset = {
  linkset: [
    {
      anchor: 'https://r.example/414/6260000000019/254/b2',
      [`${GS1_VOC}defaultLink`]: [{ href: 'https://r.example/p/19/b2', title: 'غرفه ب۲' }],
      [`${GS1_VOC}registryEntry`]: [
        { href: 'https://r.example/p/19/b2', title: 'صفحه', type: 'text/html' },
        { href: 'https://r.example/api/19/b2', title: 'رکورد', type: 'application/json' },
      ],
    },
    {
      anchor: 'https://r.example/414/6260000000019',
      itemDescription: 'پاساژ آفتاب',
      [`${GS1_VOC}registryEntry`]: [
        { href: 'https://r.example/api/19', title: 'رکورد', type: 'application/json' },
        { href: 'https://r.example/p/19/b2', title: 'صفحه', type: 'text/html' },
      ],
      [`${GS1_VOC}verificationService`]: [{ href: 'https://r.example/v/19', title: 'استعلام' }],
      [COMPLAINT_LINK_TYPE]: [{ href: 'https://r.example/c/19', title: 'شکایت' }],
      [`${GS1_VOC}locationInfo`]: [{ href: 'data:text/html,<b>x</b>', title: 'ناامن' }],
    },
  ],
};

describe('summariseLinkset', () => {
  const s = summariseLinkset(linkset);

  it('names the place by the most specific level that carries a name', () => {
    // The sub-location has no itemDescription; its default link's title names it.
    expect(s.name).toBe('غرفه ب۲');
  });

  it('takes the most specific application/json registry entry as the one that may be ours', () => {
    expect(s.registryJson).toBe('https://r.example/api/19/b2');
  });

  it('sorts out the complaint intake and the verification service, and keeps every other link once', () => {
    expect(s.complaint.map((l) => l.href)).toEqual(['https://r.example/c/19']);
    expect(s.verification.map((l) => l.href)).toEqual(['https://r.example/v/19']);
    expect(
      s.others.filter((l) => l.href === 'https://r.example/p/19/b2' && l.rel === 'gs1:registryEntry'),
    ).toHaveLength(1);
  });

  it('never shows a link that is not http(s)', () => {
    expect(s.others.some((l) => l.href.startsWith('data:'))).toBe(false);
  });
});
