import type { LocationRecord } from '../../../src/api/index.ts';

// A realistic Tehran shop record; tests override only what they are about.
export const SHOP_GLN = '6260000000019';
export const BRANCH_GLN = '6260000000026';
export const NEW_GLN = '6260000000033';

export function locationRecord(over: Partial<LocationRecord> = {}): LocationRecord {
  return {
    gln: SHOP_GLN,
    name: 'سوپرمارکت آفتاب',
    role: 'main',
    guild: { code: '5211', name: 'خواربارفروشان' },
    union: {
      id: 'union-5211-tehran',
      name: 'اتحادیه خواربارفروشان تهران',
      phone: '021-66123456',
      address: 'تهران، خیابان جمهوری، پلاک ۱۲',
    },
    isic: { code: '4711', title: 'خرده‌فروشی در فروشگاه‌های غیرتخصصی' },
    serviceCode: '1234567890123',
    licenceId: 'TEH-1402-0001',
    address: {
      province: 'تهران',
      city: 'تهران',
      county: 'تهران',
      street: 'خیابان ولیعصر',
      plate: '120',
      floor: 'همکف',
      unit: '2',
      postcode: '1415913311',
      text: 'تهران، خیابان ولیعصر، پلاک ۱۲۰',
    },
    geo: { lat: 35.7219, lng: 51.4075 },
    posTerminals: [{ terminalId: '12345678', name: 'سوپرمارکت آفتاب', bank: 'بانک ملت' }],
    verificationLevel: 4,
    status: 'active',
    statusSince: '2024-03-01T09:00:00+03:30',
    otherLocations: [{ gln: BRANCH_GLN, name: 'سوپرمارکت آفتاب شعبه ۲', role: 'branch', status: 'active' }],
    subLocations: [{ ext: 'A1', name: 'ورودی شمالی', floor: 'همکف', unit: '1' }],
    updatedAt: '2025-01-01T08:30:00Z',
    ...over,
  };
}
