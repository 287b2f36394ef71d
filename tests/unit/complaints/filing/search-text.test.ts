import { describe, expect, it } from 'vitest';
import type { Service } from '../../../../src/api/index.ts';
import { groupServices, matchesService } from '../../../../src/features/complaints/filing/search-text.ts';

const svc = (code: string, name: string, group: string, keywords = ''): Service => ({
  service_code: code,
  service_name: name,
  description: '',
  metadata: true,
  type: 'realtime',
  keywords,
  group,
  needs_location: false,
});

const overpricing = svc('overpricing', 'گران‌فروشی', 'قیمت و وزن', 'گران,قیمت');
const pos = svc('pos_name_mismatch', 'نام کارتخوان با فروشگاه مطابقت ندارد', 'شناسه و پلاک', 'کارتخوان,پوز');

describe('Persian-aware category search', () => {
  it('finds a category typed with Arabic yeh and kaf', () => {
    expect(matchesService(pos, 'كارتخوان')).toBe(true);
    expect(matchesService(pos, 'فروشگاه')).toBe(true);
    expect(matchesService(svc('x', 'کیفیت', 'g'), 'كيفيت')).toBe(true);
  });

  it('ignores the zero-width non-joiner, so گرانفروشی finds گران‌فروشی', () => {
    expect(matchesService(overpricing, 'گرانفروشی')).toBe(true);
    expect(matchesService(overpricing, 'گران‌فروشی')).toBe(true);
  });

  it('matches keywords and the group, and needs every word', () => {
    expect(matchesService(pos, 'پوز')).toBe(true);
    expect(matchesService(overpricing, 'قیمت وزن')).toBe(true);
    expect(matchesService(overpricing, 'قیمت پوز')).toBe(false);
  });

  it('an empty query matches everything', () => {
    expect(matchesService(overpricing, '  ')).toBe(true);
  });

  it('finds a legal article typed in Persian digits', () => {
    expect(matchesService(svc('x', 'گران‌فروشی (ماده 57)', 'g'), 'ماده ۵۷')).toBe(true);
  });

  it('groups in the order the service lists them', () => {
    const groups = groupServices([overpricing, pos, svc('short_weight', 'کم‌فروشی', 'قیمت و وزن')]);
    expect(groups.map((g) => g.group)).toEqual(['قیمت و وزن', 'شناسه و پلاک']);
    expect(groups[0]?.items.map((s) => s.service_code)).toEqual(['overpricing', 'short_weight']);
  });
});
