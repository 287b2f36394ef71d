import './locale.ts';
import { useRoute } from 'preact-iso';
import { api } from '../../api/app-client.ts';
import type { ApiClient } from '../../api/client.ts';
import { useT } from '../../app/t.ts';
import { LicenceFailure } from './LicenceFailure.tsx';
import { LicenceView } from './LicenceView.tsx';
import { useLicence } from './use-licence.ts';
import './place.css';
import './PlaceDetails.css';

type Props = { client?: ApiClient };

/** `/licence/{id}`: every location posted under one business licence. */
export default function LicencePage({ client = api() }: Props) {
  const t = useT();
  const id = decodeURIComponent(useRoute().params.id ?? '');
  const { state, retry } = useLicence(id, client);

  if (state.kind === 'loading') {
    return (
      <section class="page place" aria-busy="true">
        <p role="status">{t('common.loading')}</p>
      </section>
    );
  }
  if (state.kind === 'failed') return <LicenceFailure id={id} failure={state.failure} onRetry={retry} />;
  return <LicenceView licence={state.licence} />;
}
