import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DESK_API,
  FIELD_API,
  DESK_QUEUE_API as Q,
  type ReplyTemplate,
  type ShopEnforcementState,
} from '../../../src/api/index.ts';
import { COMPLAINT_PANELS } from '../../../src/features/desk/complaint/panels.ts';
import { complaint, item, renderAt, server, useDeskEnv } from './harness.tsx';

useDeskEnv();

// The enforcement panel on every complaint page reads its shop's stages: a shop with none.
const noEnforcement: ShopEnforcementState = {
  gln: '6260000000019',
  stage: 'none',
  next: ['written_warning'],
  history: [],
};
beforeEach(() => {
  server.use(http.get(`*${FIELD_API.enforcement}/:id`, () => HttpResponse.json(noEnforcement)));
});

const template: ReplyTemplate = {
  id: 't1',
  service_code: 'overpricing',
  title: 'ارجاع به بازرسی',
  body: 'شکایت شما به بازرسی اتحادیه ارجاع شد.',
  updated_at: '2026-11-20T08:00:00Z',
};

function serve(posted: { path: string; body: unknown }[] = [], answer = complaint()) {
  server.use(
    http.get(`*${DESK_API}/complaints/:id`, () => HttpResponse.json(complaint())),
    http.get(`*${Q.templates}`, () => HttpResponse.json([template])),
    http.get(`*${Q.clerks}`, () => HttpResponse.json([{ id: 's2', name: 'مریم رضایی' }])),
    http.post(`*${DESK_API}/complaints/:id/:action`, async ({ request, params }) => {
      posted.push({ path: String(params.action), body: await request.json() });
      return HttpResponse.json(answer, { status: 201 });
    }),
  );
  return posted;
}

describe("a complaint's desk page", () => {
  it('shows what was filed: description, evidence named by its field, photo, and that the reporter chose no contact', async () => {
    serve();
    renderAt('/desk/complaints/K7M2P9QR');
    expect(await screen.findByText('قیمت برنج بیشتر از برچسب بود.')).toBeTruthy();
    expect(await screen.findByText('مبلغی که پرداخت کردید (ریال)')).toBeTruthy();
    expect(screen.getByText('۱۵۰۰۰۰')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'عکس شمارهٔ ۱ از شکایت' })).toBeTruthy();
    expect(screen.getByText(/نخواسته است با او تماس گرفته شود/)).toBeTruthy();
  });

  it('replies from a template: choosing it fills the text, and the reply names the template', async () => {
    const posted = serve([], complaint({ item: item({ substatus: 'under_review' }) }));
    renderAt('/desk/complaints/K7M2P9QR');
    const select = await screen.findByRole('combobox', { name: 'متن آماده' });
    await screen.findByRole('option', { name: 'ارجاع به بازرسی' });
    fireEvent.change(select, { target: { value: 't1' } });
    const text = screen.getByRole('textbox', { name: 'متن پاسخ' }) as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toBe(template.body));
    fireEvent.change(screen.getByRole('combobox', { name: 'تغییر وضعیت همراه پاسخ' }), {
      target: { value: 'under_review' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'فرستادن پاسخ' }));
    await screen.findByText('پاسخ فرستاده شد.');
    expect(posted).toEqual([
      { path: 'reply', body: { text: template.body, substatus: 'under_review', template_id: 't1' } },
    ]);
  });

  it('offers only the outcomes the lifecycle allows from here, and shows a refusal in words', async () => {
    server.use(
      http.get(`*${DESK_API}/complaints/:id`, () =>
        HttpResponse.json(complaint({ moves: ['under_review', 'violation_found', 'no_violation'] })),
      ),
      http.get(`*${Q.templates}`, () => HttpResponse.json([])),
      http.get(`*${Q.clerks}`, () => HttpResponse.json([])),
      http.post(`*${DESK_API}/complaints/:id/close`, () =>
        HttpResponse.json([{ code: 'invalid-transition', description: 'این تغییر وضعیت مجاز نیست.' }], {
          status: 409,
        }),
      ),
    );
    renderAt('/desk/complaints/K7M2P9QR');
    const outcome = await screen.findByRole('combobox', { name: 'نتیجه' });
    expect(
      within(outcome)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toHaveLength(2);
    fireEvent.input(screen.getByRole('textbox', { name: 'متن رأی برای گزارش‌دهنده' }), {
      target: { value: 'تخلف محرز شد.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'بستن شکایت' }));
    expect((await screen.findByRole('alert')).textContent).toBe('این تغییر وضعیت مجاز نیست.');
  });

  it('renders the extra panels other parts of the desk register, with the complaint', async () => {
    serve();
    COMPLAINT_PANELS.push({ id: 'test', component: ({ complaint: c }) => <p>پنل {c.item.id}</p> });
    try {
      renderAt('/desk/complaints/K7M2P9QR');
      expect(await screen.findByText('پنل K7M2P9QR')).toBeTruthy();
    } finally {
      COMPLAINT_PANELS.pop();
    }
  });
});
