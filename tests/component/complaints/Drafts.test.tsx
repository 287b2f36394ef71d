import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { type Complaint, getComplaint, putComplaint } from '../../../src/db/complaints.ts';
import { sent } from './fixtures.ts';
import { API, formHandlers, GLN, renderAt, server, useComplaintEnv } from './harness.tsx';

// Unfinished drafts at the top of "my complaints": found again without reopening the same form,
// resumed where they were, or deleted after a question.

useComplaintEnv();

// 2026-11-25 10:00 in Tehran: 4 Azar 1405.
const EDITED = Date.parse('2026-11-25T06:30:00Z');

function draft(id: string, over: Partial<Complaint> = {}, form: Record<string, unknown> = {}): Complaint {
  return {
    id,
    gln: GLN,
    serviceCode: 'overpricing',
    status: 'draft',
    createdAt: EDITED,
    updatedAt: EDITED,
    unread: 0,
    data: {
      notes: [],
      seenUnionNotes: 0,
      placeName: 'سوپرمارکت نمونه',
      draft: {
        step: 'details',
        serviceCode: 'overpricing',
        serviceName: 'گران‌فروشی',
        attributes: { price_paid: '۱۲۰٬۰۰۰' },
        description: '',
        photos: [],
        contactable: false,
        contact: { firstName: '', phone: '', email: '' },
        declared: false,
        ...form,
      },
    },
    ...over,
  };
}

const offlineRequests = () => http.get(`${API}/open311/v2/requests/:id.json`, () => HttpResponse.error());
const draftItems = async () =>
  within(await screen.findByRole('region', { name: /پیش‌نویس/ })).getAllByRole('listitem');

describe('unfinished drafts on my complaints', () => {
  it('lists each draft first with its shop, category and last edit in Jalali with Persian digits', async () => {
    server.use(offlineRequests());
    await putComplaint(sent('a'));
    await putComplaint(draft('d1'));
    const missing = draft(
      'd2',
      { gln: undefined, serviceCode: '', updatedAt: EDITED + 60_000 },
      { serviceCode: undefined },
    );
    await putComplaint({ ...missing, data: { ...missing.data, placeName: undefined } });
    renderAt('/complaints');
    const heading = await screen.findByRole('heading', { name: '۲ پیش‌نویس ناتمام' });
    const [newest, older] = await draftItems();
    expect(within(newest!).getByRole('heading', { name: 'مغازهٔ بدون پلاک' })).toBeTruthy();
    expect(within(newest!).getByText('موضوع هنوز انتخاب نشده است')).toBeTruthy();
    expect(within(older!).getByRole('heading', { name: 'سوپرمارکت نمونه' })).toBeTruthy();
    expect(within(older!).getByText('گران‌فروشی')).toBeTruthy();
    expect(within(older!).getByText(/^آخرین ویرایش: ۴ آذر ۱۴۰۵.*۱۰:۰۰/)).toBeTruthy();
    // Drafts sit above the filed complaints and are not counted among them.
    const card = await screen.findByRole('article');
    expect(heading.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });

  it('names a shop without a known name by its GLN, kept left-to-right', async () => {
    await putComplaint(draft('d1', { data: { ...draft('d1').data, placeName: undefined } }));
    renderAt('/complaints');
    const [item] = await draftItems();
    expect(within(item!).getByText(GLN).closest('bdi')?.getAttribute('dir')).toBe('ltr');
  });

  it('continues a draft in its form, at the step and with the text it had', async () => {
    server.use(...formHandlers());
    await putComplaint(draft('d1'));
    renderAt('/complaints');
    const [item] = await draftItems();
    const link = within(item!).getByRole('link', { name: 'ادامه' });
    expect(link.getAttribute('href')).toBe(`/complaints/new/${GLN}?draft=d1`);
    fireEvent.click(link);
    const price = (await screen.findByLabelText(/مبلغی که پرداخت کردید/)) as HTMLInputElement;
    expect(price.value).toBe('۱۲۰٬۰۰۰');
    expect(screen.getByRole('heading', { name: 'جزئیات و مدارک' })).toBeTruthy();
  });

  it('continues the chosen draft when the same shop has two', async () => {
    server.use(...formHandlers());
    await putComplaint(draft('older', {}, { attributes: { price_paid: '۵۰۰' } }));
    await putComplaint(draft('newer', { updatedAt: EDITED + 60_000 }, { attributes: { price_paid: '۹۰۰' } }));
    renderAt('/complaints');
    const [, older] = await draftItems();
    fireEvent.click(within(older!).getByRole('link', { name: 'ادامه' }));
    const price = (await screen.findByLabelText(/مبلغی که پرداخت کردید/)) as HTMLInputElement;
    expect(price.value).toBe('۵۰۰');
  });

  it('continues a missing-plate draft on the missing-plate page, misplaced plates included', async () => {
    await putComplaint(
      draft(
        'm1',
        { gln: undefined, serviceCode: 'plate_mismatch' },
        {
          serviceCode: 'plate_mismatch',
          attributes: { plate_gln: GLN },
          lat: 35.7,
          long: 51.4,
        },
      ),
    );
    renderAt('/complaints');
    const [item] = await draftItems();
    expect(within(item!).getByRole('link', { name: 'ادامه' }).getAttribute('href')).toBe(
      `/report/missing-plate?draft=m1&reason=misplaced&gln=${GLN}`,
    );
  });

  it('deletes a draft only after asking, and keeps it on cancel', async () => {
    await putComplaint(draft('d1'));
    renderAt('/complaints');
    const [item] = await draftItems();
    fireEvent.click(within(item!).getByRole('button', { name: 'حذف پیش‌نویس' }));
    const dialog = within(item!).getByRole('alertdialog');
    expect(within(dialog).getByText(/برای همیشه از این گوشی پاک می‌شود/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'انصراف از این کار' }));
    expect(await getComplaint('d1')).toBeDefined();
    fireEvent.click(within(item!).getByRole('button', { name: 'حذف پیش‌نویس' }));
    fireEvent.click(within(item!).getByRole('button', { name: 'حذف پیش‌نویس' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /پیش‌نویس/ })).toBeNull());
    expect(await getComplaint('d1')).toBeUndefined();
  });

  it('shows no drafts section when there is none', async () => {
    renderAt('/complaints');
    expect(await screen.findByText(/هنوز شکایتی ثبت نکرده‌اید/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: /پیش‌نویس/ })).toBeNull();
  });
});
