import type { MediaUploadResult, ServiceRequest, ServiceRequestCreated } from '../../../src/api/index.ts';
import type { Complaint } from '../../../src/db/complaints.ts';

export const BASE = 'http://api.test';
export const GLN = '6260000000019';

export const created: ServiceRequestCreated = {
  service_request_id: 'KBF-1001',
  access_token: 'secret-token',
  service_notice: 'شکایت شما به اتحادیه صنف خواربارفروشان تهران رسید.',
  expected_datetime: '2026-12-05T10:00:00+03:30',
  agency_responsible: 'اتحادیه صنف خواربارفروشان تهران',
};

export const uploaded: MediaUploadResult = {
  url: '/api/v1/media/ab.jpg',
  sha256: 'a'.repeat(64),
  type: 'image/jpeg',
  bytes: 1234,
  width: 640,
  height: 480,
};

export function remote(over: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    service_request_id: 'KBF-1001',
    status: 'open',
    substatus: 'received',
    service_code: 'overpricing',
    service_name: 'گران‌فروشی',
    agency_responsible: created.agency_responsible,
    service_notice: created.service_notice,
    requested_datetime: '2026-11-25T10:00:00+03:30',
    updated_datetime: '2026-11-25T10:00:00+03:30',
    expected_datetime: created.expected_datetime,
    escalated: false,
    enforcement_stage: 'none',
    supporters: 0,
    notes: [{ type: 'created', datetime: '2026-11-25T10:00:00+03:30', author: 'system', text: 'ثبت شد' }],
    ...over,
  };
}

export function draftComplaint(id: string, over: Partial<Complaint> = {}): Complaint {
  return {
    id,
    gln: GLN,
    serviceCode: 'overpricing',
    status: 'draft',
    createdAt: 1,
    updatedAt: 1,
    unread: 0,
    data: {
      notes: [],
      seenUnionNotes: 0,
      placeName: 'سوپرمارکت نمونه',
      serviceName: 'گران‌فروشی',
      draft: {
        step: 'review',
        serviceCode: 'overpricing',
        attributes: { price_paid: '۱۲۰۰۰۰' },
        description: 'قیمت بالاتر از برچسب',
        photos: [],
        contactable: false,
        contact: { firstName: '', phone: '', email: '' },
        declared: true,
      },
    },
    ...over,
  };
}
