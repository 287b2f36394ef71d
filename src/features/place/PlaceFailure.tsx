import type { Failure } from '../../api/client.ts';
import { failureKind, isTransient } from '../../api/failure.ts';
import { paths } from '../../api/paths.ts';
import { failureText } from '../../app/failure-text.ts';
import { useT } from '../../app/t.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { ProblemActions } from './ProblemActions.tsx';
import { SLOT, Slotted } from './Slotted.tsx';

type Props = { gln: string; failure: Failure; onRetry: () => void };

/** No record to show and no cached copy: say what happened and offer the next step. */
export function PlaceFailure({ gln, failure, onRetry }: Props) {
  const t = useT();
  const kind = failureKind(failure);
  // Only for a refused request is the service's own Persian description the best explanation;
  // for the others our text says what to do, which a server message cannot know.
  const text =
    kind === 'notFound' ? (
      <Slotted text={t('place:error.notFound', { gln: SLOT })}>
        <Ltr>{gln}</Ltr>
      </Slotted>
    ) : kind === 'request' ? (
      failureText(t, failure)
    ) : (
      t(`place:error.${kind}`)
    );
  const reportHref = paths.missingPlate({ gln });

  return (
    <section class="page place place-problem" role="alert">
      <h1>{t(`place:error.${kind}Title`)}</h1>
      <p>{text}</p>
      <ProblemActions
        onRetry={isTransient(kind) ? onRetry : undefined}
        reportHref={kind === 'notFound' || kind === 'request' ? reportHref : undefined}
      />
    </section>
  );
}
