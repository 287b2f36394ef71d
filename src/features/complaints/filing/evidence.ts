import {
  checkAttribute,
  type EvidenceProblem,
  evidenceProblemKey,
  type ServiceAttribute,
  type ServiceRequestInput,
} from '../../../api/index.ts';
import type { ComplaintDraft } from '../../../db/complaints.ts';
import { toLatinDigits } from '../../../i18n/format.ts';
import { parseJalaliDateTime } from './jalali-date.ts';

// The form keeps what the shopper typed; this module turns it into a checked Open311 request.
// Errors are full i18n keys keyed by field id, so each is tied to its field. Evidence is judged by
// the service's own rules (src/api/evidence.ts), after reading Persian digits and Jalali dates, so
// a value the form lets through is one the service takes, and a refusal reads the same.

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
    const raw = (draft.attributes[a.code] ?? '').trim();
    const typed = raw ? typedValue(a, raw) : '';
    const check =
      typed === undefined ? { ok: false as const, problem: typedProblem(a) } : checkAttribute(a, typed);
    if (!check.ok) errors[attrFieldId(a.code)] = evidenceProblemKey(check.problem);
  }
  if (draft.contactable) {
    const phone = toLatinDigits(draft.contact.phone).trim();
    const email = draft.contact.email.trim();
    if (!phone && !email) errors['contact-phone'] = 'complaints:form.contactNeeded';
    if (phone && !PHONE.test(phone)) errors['contact-phone'] = 'complaints:form.phoneInvalid';
    if (email && !EMAIL.test(email)) errors['contact-email'] = 'complaints:form.emailInvalid';
  }
  if (!draft.declared) errors.declare = 'complaints:form.declareNeeded';
  return errors;
}

/** What the shopper typed as the wire value, or undefined when it cannot be read as one. */
function typedValue(a: ServiceAttribute, raw: string): string | number | undefined {
  if (a.datatype === 'number') return parseTypedNumber(raw);
  if (a.datatype === 'datetime') return parseJalaliDateTime(raw);
  return raw;
}

const typedProblem = (a: ServiceAttribute): EvidenceProblem =>
  a.datatype === 'datetime' ? 'datetime' : 'number';

function attributeValue(a: ServiceAttribute, raw: string): string | number {
  return typedValue(a, raw) ?? raw;
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
  // Consent to show the words on the shop's page; never without a shop (a typed place would go too).
  if (draft.publish && input.description && target.gln) input.publish = true;
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
