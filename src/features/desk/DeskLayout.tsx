import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { failureText } from '../../app/failure-text.ts';
import { useT } from '../../app/t.ts';
import { formatDate } from '../../i18n/format.ts';
import { navFor } from './nav.ts';
import { useDeskSession } from './session.ts';

// The frame of every desk page: who is signed in and as what, the sections they may open, and
// signing out. Desktop first: the nav is a column beside the page; on a phone it wraps above it.

export function DeskLayout({ page: Page }: { page: ComponentType }) {
  const t = useT();
  const { path } = useLocation();
  const { session, signOut } = useDeskSession();
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<string>();
  if (!session)
    return (
      <p class="desk-loading" role="status">
        {t('desk:layout.loading')}
      </p>
    );
  const { staff } = session;
  const leave = async () => {
    setLeaving(true);
    setError(undefined);
    const r = await signOut();
    if (r.status !== 'ok' && r.status !== 'unauthorized') {
      setError(failureText(t, r));
      setLeaving(false);
    }
  };
  return (
    <div class="desk-frame">
      <a class="skip-link" href="#desk-main">
        {t('desk:layout.skip')}
      </a>
      <header class="desk-bar">
        <span class="desk-bar-title">{t('desk:appName')}</span>
        <p class="desk-bar-who">
          {t('desk:layout.signedInAs', { name: staff.name, role: t(`desk:roles.${staff.role}`) })}
          <span class="desk-bar-until">
            {t('desk:layout.until', { time: formatDate(session.expires_at, { time: true }) })}
          </span>
        </p>
        <button type="button" class="desk-button" onClick={leave} disabled={leaving}>
          {leaving ? t('desk:layout.signingOut') : t('desk:layout.signOut')}
        </button>
      </header>
      {error && (
        <p class="desk-error" role="alert">
          {error}
        </p>
      )}
      <div class="desk-body">
        <nav class="desk-nav" aria-label={t('desk:layout.nav')}>
          <ul>
            {navFor(staff.role).map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={path === item.href ? 'page' : undefined}>
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="desk-main" class="desk-main" tabIndex={-1}>
          <Page />
        </main>
      </div>
    </div>
  );
}
