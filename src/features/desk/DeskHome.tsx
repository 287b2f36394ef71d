import { useT } from '../../app/t.ts';
import { deskSession } from './session.ts';

// The desk's first page: who you are and where you work. The sections (queue, field work,
// dashboard) are in the nav beside it.

export function DeskHome() {
  const t = useT();
  const session = deskSession.value;
  if (!session) return null;
  const { staff } = session;
  return (
    <section class="desk-home">
      <h1>{t('desk:home.welcome', { name: staff.name })}</h1>
      <p>
        {staff.role === 'operator'
          ? t('desk:home.operator')
          : t('desk:home.agency', { agency: session.agency_name ?? '' })}
      </p>
    </section>
  );
}
