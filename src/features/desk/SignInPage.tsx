import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { isDeskPath, paths } from '../../api/paths.ts';
import { failureText } from '../../app/failure-text.ts';
import { useT } from '../../app/t.ts';
import '../../ui/field.css';
import { deskSession, useDeskSession } from './session.ts';

// Username and password, nothing else. A refusal is shown as the service words it (the same
// sentence for a wrong username and a wrong password) and focus returns to the password.

export function SignInPage() {
  const t = useT();
  const { query, route } = useLocation();
  const { signIn } = useDeskSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const password = useRef<HTMLInputElement>(null);
  // Only a desk page may be the way back: never an address someone else put in the link.
  const next = query.next && isDeskPath(query.next.split('?')[0] ?? '') ? query.next : paths.desk();

  useEffect(() => {
    if (deskSession.value) route(next, true);
  }, [deskSession.value]);

  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(undefined);
    const r = await signIn({
      username: String(form.get('username') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    setBusy(false);
    if (r.status === 'ok') return route(next);
    setError(failureText(t, r));
    if (password.current) {
      password.current.value = '';
      password.current.focus();
    }
  };

  return (
    <main id="desk-main" class="desk-sign-in">
      <form class="desk-card" onSubmit={submit} aria-describedby="desk-sign-in-intro" noValidate>
        <h1>{t('desk:signIn.title')}</h1>
        <p id="desk-sign-in-intro">{t('desk:signIn.intro')}</p>
        <div class="field">
          <label class="field-label" for="desk-username">
            {t('desk:signIn.username')}
          </label>
          <input
            id="desk-username"
            name="username"
            class="field-input"
            dir="ltr"
            autoComplete="username"
            autoCapitalize="none"
            spellcheck={false}
            required
          />
        </div>
        <div class="field">
          <label class="field-label" for="desk-password">
            {t('desk:signIn.password')}
          </label>
          <input
            id="desk-password"
            ref={password}
            name="password"
            type="password"
            class="field-input"
            dir="ltr"
            autoComplete="current-password"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'desk-sign-in-error' : undefined}
          />
        </div>
        {error && (
          <p id="desk-sign-in-error" class="field-error" role="alert">
            {error}
          </p>
        )}
        <div class="step-actions">
          <button type="submit" class="desk-button desk-button-primary" disabled={busy}>
            {busy ? t('desk:signIn.working') : t('desk:signIn.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
