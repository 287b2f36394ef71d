import type { VerificationLevel as Level, OnSiteVerification } from '../../api/index.ts';
import { useT } from '../../app/t.ts';
import { formatDate } from '../../i18n/format.ts';
import { PersianText } from '../../ui/PersianText.tsx';
import './VerificationLevel.css';

const MAX = 4;

/**
 * Four steps, filled up to the level, plus the level in words: readable without colour. Level 4
 * names the on-site check behind it: who was there and when.
 */
export function VerificationLevel({
  level,
  verification,
}: {
  level: Level;
  verification?: OnSiteVerification;
}) {
  const t = useT();
  return (
    <section class="card level" aria-labelledby="level-heading">
      <h2 id="level-heading">{t('place:level.heading')}</h2>
      <div class="level-row">
        <ol class="level-steps" aria-hidden="true">
          {[1, 2, 3, 4].map((n) => (
            <li key={n} class={n <= level ? 'level-step is-on' : 'level-step'} />
          ))}
        </ol>
        <strong class="level-summary">{t('place:level.summary', { level, max: MAX })}</strong>
      </div>
      <p class="level-text">{t(`place:level.${level}`)}</p>
      {level === 4 && verification && (
        <p class="level-text">
          <PersianText
            text={t('place:level.verifiedBy', { by: verification.by, date: formatDate(verification.at) })}
          />
        </p>
      )}
    </section>
  );
}
