import type { ServiceAttribute, ServiceRequestInput } from '../../../api/index.ts';
import type { ComplaintDraft } from '../../../db/complaints.ts';
import { toLatinDigits } from '../../../i18n/format.ts';
import { parseJalaliDateTime } from './jalali-date.ts';

// The form keeps what the shopper typed; this module turns it into a checked Open311 request.
// Errors are i18n keys (complaints namespace) keyed by field id, so each is tied to its field.

export type FieldErrors = Record<string, string>;

export type Target = {
  gln?: string;
  ext?: string;
  lat?: number;
  long?: number;
};

/** Persian/Arabic digits, Persian separators (٬ thousands, ٫ decimal) and spaces to a plain number. */
export function parseTypedNumber(raw: string): number | undefined {
  const s = toLatinDigits(raw)
    .replace(/[٬,\s]/g, '')
    .replace(/٫/g, '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

const PHONE = /^\+?[0-9 -]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const attrFieldId = (code: string) => `attr-${code}`;

export function validateDetails(draft: ComplaintDraft, attributes: ServiceAttribute[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const a of attributes) {
    const value = (draft.attributes[a.code] ?? '').trim();
    if (!value) {
      if (a.required) errors[attrFieldId(a.code)] = 'form.required';
      continue;
    }
    if (a.datatype === 'number' && parseTypedNumber(value) === undefined)
      errors[attrFieldId(a.code)] = 'form.numberInvalid';
    if (a.datatype === 'datetime' && parseJalaliDateTime(value) === undefined)
      errors[attrFieldId(a.code)] = 'form.dateInvalid';
  }
  if (draft.contactable) {
    const phone = toLatinDigits(draft.contact.phone).trim();
    const email = draft.contact.email.trim();
    if (!phone && !email) errors['contact-phone'] = 'form.contactNeeded';
    if (phone && !PHONE.test(phone)) errors['contact-phone'] = 'form.phoneInvalid';
    if (email && !EMAIL.test(email)) errors['contact-email'] = 'form.emailInvalid';
  }
  if (!draft.declared) errors.declare = 'form.declareNeeded';
  return errors;
}

function attributeValue(a: ServiceAttribute, raw: string): string | number {
  if (a.datatype === 'number') return parseTypedNumber(raw)!;
  if (a.datatype === 'datetime') return parseJalaliDateTime(raw) ?? raw;
  return raw.trim();
}

/** `deviceId` (device-id.ts) lets the service skip this phone's own complaint in "me too". */
export function buildRequest(
  draft: ComplaintDraft,
  attributes: ServiceAttribute[],
  target: Target,
  deviceId?: string,
): ServiceRequestInput {
  const attribute: Record<string, string | number> = {};
  for (const a of attributes) {
    const raw = (draft.attributes[a.code] ?? '').trim();
    if (raw) attribute[a.code] = attributeValue(a, raw);
  }
  const input: ServiceRequestInput = { service_code: draft.serviceCode ?? '' };
  if (target.gln) input.address_id = target.gln;
  // Without a plate the complaint is routed by place (Open311: lat/long instead of address_id).
  if (target.lat !== undefined && target.long !== undefined) {
    input.lat = target.lat;
    input.long = target.long;
  }
  // Open311 has no field for a sub-location (AI 254); the free-text address carries it.
  if (target.ext) input.address_string = `${target.gln ?? ''}/254/${target.ext}`;
  if (draft.description.trim()) input.description = draft.description.trim();
  if (Object.keys(attribute).length) input.attribute = attribute;
  // Contact details travel only when the reporter chose to be contactable.
  if (draft.contactable) {
    const phone = toLatinDigits(draft.contact.phone).trim();
    if (phone) input.phone = phone;
    if (draft.contact.email.trim()) input.email = draft.contact.email.trim();
    if (draft.contact.firstName.trim()) input.first_name = draft.contact.firstName.trim();
  }
  if (deviceId) input.device_id = deviceId;
  return input;
}

export function emptyDraft(serviceCode?: string): ComplaintDraft {
  return {
    step: serviceCode ? 'details' : 'category',
    serviceCode,
    attributes: {},
    description: '',
    photos: [],
    contactable: false,
    contact: { firstName: '', phone: '', email: '' },
    declared: false,
  };
}
