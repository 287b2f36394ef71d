import { paths } from '../../api/paths.ts';
import { useT } from '../../app/t.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { ProblemActions } from './ProblemActions.tsx';
import { SLOT, Slotted } from './Slotted.tsx';
import type { GlnCheck } from './use-place.ts';

type Props = { check: Exclude<GlnCheck, { ok: true }> };

/** The GLN in the link is wrong on its face; nothing was fetched. */
export function GlnProblem({ check }: Props) {
  const t = useT();
  const digits = check.reason === 'check-digit';
  // A 13-digit number with a wrong check digit may be a forged plate: the report carries it.
  const reportHref = digits ? paths.missingPlate({ gln: check.gln }) : paths.missingPlate();
  return (
    <section class="page place place-problem" role="alert">
      <h1>{t(digits ? 'place:error.badCheckDigitTitle' : 'place:error.badGlnTitle')}</h1>
      <p>
        {check.reason === 'check-digit' ? (
          <Slotted
            text={t('place:error.badCheckDigit', {
              gln: SLOT,
              expected: check.expected,
              actual: check.actual,
            })}
          >
            <Ltr>{check.gln}</Ltr>
          </Slotted>
        ) : (
          <Slotted text={t('place:error.badGlnShape', { gln: SLOT, digits: 13 })}>
            <Ltr>{check.gln}</Ltr>
          </Slotted>
        )}
      </p>
      <ProblemActions reportHref={reportHref} />
    </section>
  );
}
