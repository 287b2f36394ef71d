import type { Failure } from '../../api/client.ts';
import { failureKind, isTransient } from '../../api/failure.ts';
import { failureText } from '../../app/failure-text.ts';
import { useT } from '../../app/t.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { ProblemActions } from './ProblemActions.tsx';
import { SLOT, Slotted } from './Slotted.tsx';

export function LicenceFailure({
  id,
  failure,
  onRetry,
}: {
  id: string;
  failure: Failure;
  onRetry: () => void;
}) {
  const t = useT();
  const kind = failureKind(failure);
  const notFound = kind === 'notFound';
  const title = notFound ? t('place:licence.notFoundTitle') : t(`place:error.${kind}Title`);
  const text = notFound ? (
    <Slotted text={t('place:licence.notFound', { id: SLOT })}>
      <Ltr>{id}</Ltr>
    </Slotted>
  ) : kind === 'request' ? (
    failureText(t, failure)
  ) : (
    t(`place:licence.${kind}`)
  );
  return (
    <section class="page place place-problem" role="alert">
      <h1>{title}</h1>
      <p>{text}</p>
      <ProblemActions onRetry={isTransient(kind) ? onRetry : undefined} />
    </section>
  );
}
