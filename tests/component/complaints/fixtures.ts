import type { Note, ServiceRequest } from '../../../src/api/index.ts';
import type { Complaint } from '../../../src/db/complaints.ts';
import { GLN } from './harness.tsx';

export const reply: Note = {
  type: 'reply',
  datetime: '2026-11-26T11:30:00+03:30',
  author: 'union',
  text: 'بازرس اتحادیه روز 12 آذر از فروشگاه بازدید می‌کند.',
};
export const createdNote: Note = {
  type: 'created',
  datetime: '2026-11-25T10:00:00+03:30',
  author: 'system',
  text: 'شکایت ثبت شد.',
};

export function sent(
  id: string,
  over: Partial<Complaint> = {},
  data: Partial<Complaint['data']> = {},
): Complaint {
  return {
    id,
    gln: GLN,
    serverId: `KBF-${id}`,
    token: `token-${id}`,
    serviceCode: 'overpricing',
    status: 'open',
    createdAt: Date.parse('2026-11-25T06:30:00Z'),
    updatedAt: Date.parse('2026-11-25T06:30:00Z'),
    unread: 0,
    data: {
      placeName: 'سوپرمارکت نمونه',
      serviceName: 'گران‌فروشی',
      agency: 'اتحادیه صنف خواربارفروشان تهران',
      expectedAt: '2026-12-05T10:00:00+03:30',
      substatus: 'received',
      notes: [createdNote],
      seenUnionNotes: 0,
      ...data,
    },
    ...over,
  };
}

export function remoteOf(c: Complaint, over: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    service_request_id: c.serverId!,
    status: 'open',
    substatus: 'received',
    service_code: c.serviceCode,
    service_name: 'گران‌فروشی',
    agency_responsible: 'اتحادیه صنف خواربارفروشان تهران',
    service_notice: 'شکایت شما به اتحادیه رسید.',
    requested_datetime: '2026-11-25T10:00:00+03:30',
    updated_datetime: '2026-11-26T11:30:00+03:30',
    expected_datetime: '2026-12-05T10:00:00+03:30',
    escalated: false,
    enforcement_stage: 'none',
    supporters: 0,
    notes: [createdNote],
    ...over,
  };
}
