import { paths } from '../../api/paths.ts';
import { useT } from '../t.ts';

export function NotFoundPage() {
  const t = useT();
  return (
    <section class="page page-center">
      <h1>{t('notFound.heading')}</h1>
      <p>{t('notFound.text')}</p>
      <a class="btn btn-primary" href={paths.home()}>
        {t('notFound.home')}
      </a>
    </section>
  );
}
