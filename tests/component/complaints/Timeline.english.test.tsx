import { screen, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../../../src/api/index.ts';
import { applyLanguage } from '../../../src/app/language.ts';
import { putComplaint } from '../../../src/db/complaints.ts';
import { i18n } from '../../../src/i18n/setup.ts';
import { remoteOf, sent } from './fixtures.ts';
import { API, renderAt, server, useComplaintEnv } from './harness.tsx';

useComplaintEnv();

// The timeline as the service now sends it: what the system says as codes, what people wrote as
// text. A reader who chose English reads the system's words in English; the union's own reply
// stays as the union wrote it.
const notes: Note[] = [
  {
    type: 'created',
    datetime: '2026-11-25T10:00:00+03:30',
    author: 'system',
    text: '',
    substatus: 'received',
    code: 'notice.union',
    params: { agency: 'Tehran grocers union', phone: '021-5550000', date: '2026-12-05T06:30:00.000Z' },
  },
  { type: 'reply', datetime: '2026-11-26T11:30:00+03:30', author: 'union', text: 'بازرس اعزام شد' },
  {
    type: 'status_change',
    datetime: '2026-11-26T11:30:00+03:30',
    author: 'union',
    text: '',
    substatus: 'no_violation',
    code: 'status',
  },
  { type: 'objection', datetime: '2026-11-27T09:00:00+03:30', author: 'reporter', text: 'I disagree' },
  {
    type: 'escalated',
    datetime: '2026-11-27T09:00:00+03:30',
    author: 'system',
    text: '',
    substatus: 'under_review',
    code: 'escalated',
    params: { days: 10 },
  },
  {
    type: 'enforcement',
    datetime: '2026-11-27T12:00:00+03:30',
    author: 'union',
    text: '',
    enforcement_stage: 'pos_block',
    code: 'enforcement',
    params: { until: '2026-12-11T08:30:00.000Z' },
  },
  // Stored before notes had codes: the Persian label it carried is read by its state instead.
  {
    type: 'status_change',
    datetime: '2026-11-28T09:00:00+03:30',
    author: 'union',
    text: 'جلسهٔ رسیدگی تعیین شد',
    substatus: 'hearing_scheduled',
  },
];

describe('the timeline in English', () => {
  afterEach(async () => {
    await i18n.changeLanguage('fa');
    applyLanguage('fa');
  });

  it('words every system note from its code in English, with Gregorian dates', async () => {
    await i18n.changeLanguage('en');
    applyLanguage('en');
    const c = sent('en', {}, { notes, substatus: 'hearing_scheduled' });
    server.use(
      http.get(`${API}/open311/v2/requests/:id.json`, () =>
        HttpResponse.json([remoteOf(c, { substatus: 'hearing_scheduled', notes })]),
      ),
    );
    await putComplaint(c);
    // The service is told the reader's language too, whatever the browser's.
    expect(document.cookie).toContain('kbf-lang=en');
    renderAt('/complaints/en');
    // The phone number sits in its own left-to-right island; the paragraph reads as one sentence.
    const notice = await screen.findByText(
      (_, el) =>
        el?.tagName === 'P' &&
        /^Your complaint was sent to Tehran grocers union \(phone 021-5550000\)/.test(el.textContent ?? ''),
    );
    expect(notice.textContent).toContain('by 5 December 2026');
    const timeline = document.querySelector('ol.timeline') as HTMLElement;
    const t = within(timeline);
    expect(t.getByText('Complaint filed')).toBeTruthy();
    expect(t.getByText('No violation found')).toBeTruthy();
    expect(t.getByText(/^Objection recorded: .* Review deadline: 10 days\.$/)).toBeTruthy();
    expect(t.getByText('Hearing scheduled')).toBeTruthy();
    expect(t.getByText('Card terminals blocked for two weeks until 11 December 2026')).toBeTruthy();
    // Only what the union wrote is Persian.
    const persian = [...timeline.querySelectorAll('p')]
      .map((p) => p.textContent ?? '')
      .filter((s) => /[\u0600-\u06ff]/.test(s));
    expect(persian).toEqual(['بازرس اعزام شد']);
  });
});
