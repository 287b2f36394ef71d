import type { Substatus } from '../../api/index.ts';

// Who may move a complaint from which state to which. Tables, not branches, so the rules can be
// read (and tested) row by row.

export const OPEN_SUBSTATUSES: readonly Substatus[] = ['received', 'under_review', 'hearing_scheduled'];

export function isOpen(s: Substatus): boolean {
  return OPEN_SUBSTATUSES.includes(s);
}

/** The union's decisions. Terminal states have no moves; only an objection reopens them. */
export const UNION_MOVES: Record<Substatus, readonly Substatus[]> = {
  received: [
    'under_review',
    'hearing_scheduled',
    'violation_found',
    'no_violation',
    'not_our_jurisdiction',
    'duplicate',
  ],
  under_review: ['hearing_scheduled', 'violation_found', 'no_violation', 'not_our_jurisdiction', 'duplicate'],
  hearing_scheduled: ['under_review', 'violation_found', 'no_violation'],
  violation_found: [],
  no_violation: [],
  withdrawn: [],
  not_our_jurisdiction: [],
  duplicate: [],
};

/** An objection (Art. 72) is possible against the union's closing decisions, once. */
export const OBJECTIONABLE: readonly Substatus[] = [
  'violation_found',
  'no_violation',
  'not_our_jurisdiction',
  'duplicate',
];

export const SUBSTATUS_LABEL: Record<Substatus, string> = {
  received: 'دریافت شد',
  under_review: 'در حال بررسی',
  hearing_scheduled: 'جلسهٔ رسیدگی تعیین شد',
  violation_found: 'تخلف احراز شد',
  no_violation: 'تخلفی احراز نشد',
  withdrawn: 'شاکی انصراف داد',
  not_our_jurisdiction: 'خارج از صلاحیت اتحادیه',
  duplicate: 'شکایت تکراری',
};
