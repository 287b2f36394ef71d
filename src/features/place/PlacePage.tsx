import './locale.ts';
import { useEffect } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { api, resolverApi } from '../../api/app-client.ts';
import type { ApiClient } from '../../api/client.ts';
import { useT } from '../../app/t.ts';
import { recordShown } from './early-record.ts';
import { GlnProblem } from './GlnProblem.tsx';
import { LinksetView } from './LinksetView.tsx';
import { PlaceFailure } from './PlaceFailure.tsx';
import { PlaceView } from './PlaceView.tsx';
import { checkGln, usePlace } from './use-place.ts';
import './place.css';

/** `resolver`: a GS1 resolver other than the service (default: the configured one, resolverApi()). */
type Props = { client?: ApiClient; resolver?: ApiClient | null };

/** `/place/{gln}[/{ext}]`: the shop's public record, as the shopper sees it in front of the plate. */
export default function PlacePage({ client = api(), resolver = resolverApi() }: Props) {
  const t = useT();
  const { params } = useRoute();
  const check = checkGln(decodeURIComponent(params.gln ?? ''));
  const ext = params.ext ? decodeURIComponent(params.ext) : undefined;
  const { state, retry } = usePlace(check.ok ? check.gln : null, ext, client, resolver ?? undefined);
  // Effects run after the browser has painted: the first answer is on screen now, and what the
  // shell held back for it may start (early-record.ts).
  const answered = state.kind !== 'loading';
  useEffect(() => {
    if (answered) recordShown();
  }, [answered]);

  if (!check.ok) return <GlnProblem check={check} />;
  if (state.kind === 'loading') {
    return (
      <section class="page place" aria-busy="true">
        <p role="status" class="place-loading">
          {t('place:loading')}
        </p>
      </section>
    );
  }
  if (state.kind === 'failed')
    return <PlaceFailure gln={check.gln} failure={state.failure} onRetry={retry} />;
  if (state.kind === 'linkset') return <LinksetView load={state} onRetry={retry} />;
  return <PlaceView load={state} ext={ext} client={client} onRetry={retry} />;
}
