import type { VerificationLevel as Level } from '../../api/index.ts';
import { useT } from '../../app/t.ts';
import './VerificationLevel.css';

const MAX = 4;

/** Four steps, filled up to the level, plus the level in words: readable without colour. */
export function VerificationLevel({ level }: { level: Level }) {
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
    </section>
  );
}
