import { describe, expect, it } from 'vitest';
import type { ServiceAttribute } from '../../../../src/api/index.ts';
import {
  buildRequest,
  emptyDraft,
  parseTypedNumber,
  validateDetails,
} from '../../../../src/features/complaints/filing/evidence.ts';

const attr = (code: string, datatype: ServiceAttribute['datatype'], required = false): ServiceAttribute => ({
  variable: true,
  code,
  datatype,
  required,
  datatype_description: '',
  order: 1,
  description: code,
});

const attrs = [
  attr('price_paid', 'number', true),
  attr('product', 'string'),
  attr('purchase_time', 'datetime'),
];

describe('typed numbers', () => {
  it('accepts Persian and Arabic-Indic digits and Persian separators', () => {
    expect(parseTypedNumber('۱۲۰٬۰۰۰')).toBe(120000);
    expect(parseTypedNumber('٣٤٥')).toBe(345);
    expect(parseTypedNumber('۲٫۵')).toBe(2.5);
    expect(parseTypedNumber('1,250,000')).toBe(1250000);
  });
  it('refuses words', () => {
    expect(parseTypedNumber('صد هزار')).toBeUndefined();
    expect(parseTypedNumber('')).toBeUndefined();
  });
});

describe('validating the evidence', () => {
  it('requires required fields, a number where a number is asked, and the declaration', () => {
    const d = emptyDraft('overpricing');
    expect(validateDetails(d, attrs)).toEqual({
      'attr-price_paid': 'validation:evidence.required',
      declare: 'complaints:form.declareNeeded',
    });
    d.attributes.price_paid = 'زیاد';
    d.declared = true;
    expect(validateDetails(d, attrs)).toEqual({ 'attr-price_paid': 'validation:evidence.number' });
    d.attributes.price_paid = '۱۲۰۰۰۰';
    expect(validateDetails(d, attrs)).toEqual({});
  });

  it('asks a contactable reporter for a phone or an email', () => {
    const d = {
      ...emptyDraft('overpricing'),
      declared: true,
      contactable: true,
      attributes: { price_paid: '1' },
    };
    expect(validateDetails(d, attrs)).toEqual({ 'contact-phone': 'complaints:form.contactNeeded' });
    d.contact = { firstName: '', phone: '۰۹۱۲۱۲۳۴۵۶۷', email: 'bad' };
    expect(validateDetails(d, attrs)).toEqual({ 'contact-email': 'complaints:form.emailInvalid' });
  });
});

describe('building the Open311 request', () => {
  it('files against the GLN, converts numbers, and leaves contact out when anonymous', () => {
    const d = {
      ...emptyDraft('overpricing'),
      attributes: { price_paid: '۱۲۰٬۰۰۰', product: ' برنج ' },
      description: 'گران',
      contact: { firstName: 'علی', phone: '09121234567', email: '' },
    };
    expect(buildRequest(d, attrs, { gln: '6260000000019' })).toEqual({
      service_code: 'overpricing',
      address_id: '6260000000019',
      description: 'گران',
      attribute: { price_paid: 120000, product: 'برنج' },
    });
  });

  it('sends contact details only when the reporter chose to be contactable', () => {
    const d = {
      ...emptyDraft('overpricing'),
      contactable: true,
      contact: { firstName: 'علی', phone: '۰۹۱۲۱۲۳۴۵۶۷', email: '' },
    };
    expect(buildRequest(d, [], { gln: '6260000000019' })).toMatchObject({
      phone: '09121234567',
      first_name: 'علی',
    });
  });

  it('routes a missing plate by place, with no address_id', () => {
    const input = buildRequest(emptyDraft('no_plate'), [], { lat: 35.7, long: 51.4 });
    expect(input).toEqual({ service_code: 'no_plate', lat: 35.7, long: 51.4 });
  });

  it("carries this phone's id, so the service can tell the reporter's own complaint apart", () => {
    const id = '3b1f6a52-1c1e-4c8e-9d5e-0a4f2b7c9e11';
    expect(buildRequest(emptyDraft('no_plate'), [], { lat: 35.7, long: 51.4 }, id).device_id).toBe(id);
  });

  it('never puts photo URLs into the description (the outbox sends them in media_urls)', () => {
    const d = { ...emptyDraft('overpricing'), description: 'گران', photos: [new Blob(['x'])] };
    const input = buildRequest(d, [], { gln: '6260000000019' });
    expect(input.description).toBe('گران');
    expect(input.media_url).toBeUndefined();
  });

  it('asks to publish the words only when the reporter ticked it, wrote some, and names a shop', () => {
    const shop = { gln: '6260000000019' };
    const words = { ...emptyDraft('overpricing'), description: 'گران' };
    expect(buildRequest(words, [], shop).publish).toBeUndefined();
    expect(buildRequest({ ...words, publish: true }, [], shop).publish).toBe(true);
    expect(buildRequest({ ...words, publish: true, description: '  ' }, [], shop).publish).toBeUndefined();
    // A shop with no plate: publishing would show the place the reporter typed too.
    expect(buildRequest({ ...words, publish: true }, [], { lat: 1, long: 2 }).publish).toBeUndefined();
  });

  it('drops attributes the category does not define', () => {
    const d = { ...emptyDraft('no_plate'), attributes: { plate_gln: '6260000000019' } };
    expect(buildRequest(d, [], { lat: 1, long: 2 }).attribute).toBeUndefined();
  });

  it('sends a Jalali date typed as on the receipt as ISO 8601 in Tehran time', () => {
    const d = { ...emptyDraft('overpricing'), attributes: { purchase_time: '۱۴۰۵/۰۹/۰۴ ۱۰:۳۰' } };
    expect(buildRequest(d, attrs, { gln: '6260000000019' }).attribute?.purchase_time).toBe(
      '2026-11-25T10:30:00+03:30',
    );
  });

  it('refuses a date that does not exist', () => {
    const d = {
      ...emptyDraft('overpricing'),
      declared: true,
      attributes: { price_paid: '1', purchase_time: '۱۴۰۵/۰۷/۳۱' },
    };
    expect(validateDetails(d, attrs)).toEqual({ 'attr-purchase_time': 'validation:evidence.datetime' });
  });
});
