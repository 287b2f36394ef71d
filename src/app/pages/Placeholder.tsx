import { useT } from '../t.ts';

/** A route whose journey is not built yet: says so plainly instead of pretending. */
export function Placeholder({ titleKey }: { titleKey: string }) {
  const t = useT();
  return (
    <section class="page">
      <h1>{t(titleKey)}</h1>
      <p>{t('placeholder.soon')}</p>
    </section>
  );
}
