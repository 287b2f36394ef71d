import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { HttpResponse, http } from 'msw';
import { LocationProvider } from 'preact-iso';
import { beforeEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER, DESK_SESSION, type DeskSession } from '../../../src/api/index.ts';
import DeskApp from '../../../src/features/desk/DeskApp.tsx';
import { useDeskClient } from '../../../src/features/desk/session.ts';
import { API, server, useMsw } from '../place/msw.ts';

// The desk's sign-in and frame against a mocked service: what a clerk sees and what the page
// sends. (The real service's side is tested in tests/server/desk/.)

useMsw();

const SESSION: DeskSession = {
  staff: {
    id: 'stf_1',
    username: 'clerk-4711-tehran',
    name: 'مریم کریمی',
    role: 'clerk',
    agency_id: 'union-4711-tehran',
    county: 'تهران',
  },
  csrf_token: 'csrf-of-this-session',
  expires_at: '2026-12-01T04:00:00.000Z',
  agency_name: 'اتحادیه صنف بقالان تهران',
};
const WRONG = [{ code: 'desk-bad-credentials', description: 'نام کاربری یا گذرواژه درست نیست.' }];
const GONE = [{ code: 'desk-sign-in-needed', description: 'دوباره وارد شوید.' }];

// Nobody is signed in until a test says otherwise: the sign-in page asks first.
beforeEach(() => {
  useDeskClient({ baseUrl: API, timeoutMs: 2000 });
  server.use(http.get(API + DESK_SESSION, () => HttpResponse.json(GONE, { status: 401 })));
});

function open(path: string) {
  history.replaceState(null, '', path);
  return render(
    <LocationProvider>
      <DeskApp />
    </LocationProvider>,
  );
}

const fill = (username: string, password: string) => {
  fireEvent.input(screen.getByLabelText('نام کاربری'), { target: { value: username } });
  fireEvent.input(screen.getByLabelText('گذرواژه'), { target: { value: password } });
  fireEvent.submit(screen.getByRole('button', { name: 'ورود' }).closest('form')!);
};

describe('the desk sign-in', () => {
  it("shows the service's Persian refusal and puts the focus back on an emptied password", async () => {
    server.use(http.post(API + DESK_SESSION, () => HttpResponse.json(WRONG, { status: 401 })));
    open('/desk/sign-in');
    fill('clerk-4711-tehran', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toContain('نام کاربری یا گذرواژه درست نیست');
    const password = screen.getByLabelText('گذرواژه') as HTMLInputElement;
    expect(password.value).toBe('');
    expect(document.activeElement).toBe(password);
  });

  it('opens the desk with the person and their role, and signs out with the CSRF token', async () => {
    let sent: unknown;
    let csrf: string | null = null;
    server.use(
      http.post(API + DESK_SESSION, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(SESSION);
      }),
      http.delete(API + DESK_SESSION, ({ request }) => {
        csrf = request.headers.get(CSRF_HEADER);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    open('/desk/sign-in');
    fill('clerk-4711-tehran', 'the-password');
    expect(await screen.findByText(/مریم کریمی، کارشناس اتحادیه/)).toBeTruthy();
    expect(sent).toEqual({ username: 'clerk-4711-tehran', password: 'the-password' });
    expect(location.pathname).toBe('/desk');
    expect(screen.getByRole('navigation', { name: 'بخش‌های میز کار' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'خروج' }));
    await waitFor(() => expect(location.pathname).toBe('/desk/sign-in'));
    expect(csrf).toBe(SESSION.csrf_token);
  });

  it('sends a person without a session to sign in, and back to the page they asked for after', async () => {
    server.use(http.post(API + DESK_SESSION, () => HttpResponse.json(SESSION)));
    open('/desk/somewhere?x=1');
    await waitFor(() => expect(location.pathname).toBe('/desk/sign-in'));
    expect(new URLSearchParams(location.search).get('next')).toBe('/desk/somewhere?x=1');
    fill('clerk-4711-tehran', 'the-password');
    await waitFor(() => expect(location.pathname + location.search).toBe('/desk/somewhere?x=1'));
  });

  it('never follows a way back that leaves the desk', async () => {
    server.use(http.post(API + DESK_SESSION, () => HttpResponse.json(SESSION)));
    open(`/desk/sign-in?next=${encodeURIComponent('https://evil.example/desk')}`);
    fill('clerk-4711-tehran', 'the-password');
    await waitFor(() => expect(location.pathname).toBe('/desk'));
    expect(location.host).not.toBe('evil.example');
  });
});
