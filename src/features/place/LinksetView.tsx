import { useT } from '../../app/t.ts';
import { localDigits } from '../../i18n/format.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { CacheNotice } from './CacheNotice.tsx';
import type { ShownLink } from './linkset-summary.ts';
import type { PlaceLoad } from './load-place.ts';

type Props = { load: Extract<PlaceLoad, { kind: 'linkset' }>; onRetry: () => void };

/**
 * A place known only by its resolver's linkset (a registry that is not ours): its name where a
 * link carries it, and every link the registry offers, never a blank page.
 */
export function LinksetView({ load, onRetry }: Props) {
  const t = useT();
  const { links, gln } = load;
  return (
    <article class="page place" aria-labelledby="place-name">
      <header class="place-head">
        <h1 id="place-name">{links.name ? localDigits(links.name) : t('place:linkset.unnamed')}</h1>
        <p class="place-sub">
          <span class="visually-hidden">{t('place:glnLabel')}: </span>
          <Ltr class="place-gln">{gln}</Ltr>
        </p>
      </header>

      {load.fromCache && <CacheNotice fetchedAt={load.fetchedAt} onRetry={onRetry} />}
      <p class="banner banner-info place-banner">{t('place:linkset.notOurs')}</p>

      {links.complaint.length + links.verification.length > 0 && (
        <section class="place-actions" aria-label={t('place:actions.label')}>
          {links.complaint.map((l) => (
            <ExternalLink key={l.href} link={l} class="btn btn-primary btn-block" />
          ))}
          {links.verification.map((l) => (
            <ExternalLink key={l.href} link={l} class="btn btn-block" />
          ))}
        </section>
      )}

      {links.others.length > 0 && (
        <section class="details" aria-labelledby="place-links-title">
          <h2 id="place-links-title">{t('place:linkset.linksTitle')}</h2>
          <ul class="place-links">
            {links.others.map((l) => (
              <li key={`${l.rel} ${l.href}`}>
                <ExternalLink link={l} />
                <span class="place-link-type">
                  {' '}
                  <Ltr>{l.type ? `${l.rel} · ${l.type}` : l.rel}</Ltr>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

/** Another site's page: opened as such, with no referrer and no handle on this page. */
function ExternalLink({ link, class: className }: { link: ShownLink; class?: string }) {
  return (
    <a class={className} href={link.href} rel="external noopener noreferrer" type={link.type}>
      {link.title}
    </a>
  );
}
