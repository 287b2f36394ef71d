import { paths } from '../../../api/paths.ts';
import '../locale.ts';
import { useEffect, useMemo } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { useT } from '../../../app/t.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { useSyncStarted } from '../use-sync.ts';
import { ComplaintForm } from './ComplaintForm.tsx';
import { usePlaceName } from './use-place-name.ts';

// `/complaints/new/:gln[?ext=&category=&draft=]`: a complaint about a shop whose plate was
// scanned. `category` preselects (the missing-plate page files `no_plate` against a shop it found
// nearby); `draft` resumes that draft (the drafts list on /complaints).

export default function NewComplaintPage() {
  const t = useT();
  useSyncStarted();
  const { params, query } = useRoute();
  const { route } = useLocation();
  const gln = params.gln ?? '';
  const ext = query.ext || undefined;
  const draftId = query.draft || undefined;
  const name = usePlaceName(gln, ext);
  const target = useMemo(
    () => ({
      gln,
      ext,
      draftId,
      placeName: name,
      serviceCode: query.category || undefined,
      attributes: query.plate_gln ? { plate_gln: query.plate_gln } : undefined,
    }),
    [gln, ext, draftId, query.category, query.plate_gln, name],
  );
  const place = name ?? gln;
  // Submitting opens the detail page; load its chunk now, while there is surely a network, so a
  // complaint sent offline on a first visit (before the service worker has cached the app) still
  // lands on it.
  useEffect(() => {
    void import('../tracking/ComplaintDetailPage.tsx');
  }, []);
  return (
    <section class="page">
      <h1>{name ? t('complaints:form.heading', { place: name }) : <Ltr>{gln}</Ltr>}</h1>
      <ComplaintForm
        key={`${gln}/${draftId ?? ''}`}
        target={target}
        placeName={place}
        onSubmitted={(id) => route(paths.complaint(id))}
      />
    </section>
  );
}
