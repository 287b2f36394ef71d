import { paths } from '../../../api/paths.ts';
import '../locale.ts';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import type { Service } from '../../../api/index.ts';
import type { Fix } from '../../../api/plate-verdict.ts';
import { useT } from '../../../app/t.ts';
import { findDraft } from '../../../db/complaints.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { locateOnce } from '../../place/locate.ts';
import { ComplaintForm } from '../filing/ComplaintForm.tsx';
import { NearbyShops } from './NearbyShops.tsx';
import '../../../ui/field.css';
import './missing-plate.css';
import { useSyncStarted } from '../use-sync.ts';

// `/report/missing-plate[?gln=&reason=misplaced&draft=]`: a shop with no plate (or a plate that belongs
// elsewhere) is reported by place. The position is asked for only after the shopper's tap.

const NO_PLATE = 'no_plate';
const MISPLACED = 'plate_mismatch';

export default function MissingPlatePage() {
  const t = useT();
  useSyncStarted();
  const { query } = useRoute();
  const { route } = useLocation();
  const misplaced = query.reason === 'misplaced';
  const plateGln = query.gln || undefined;
  const draftId = query.draft || undefined;
  const category = misplaced ? MISPLACED : NO_PLATE;
  const [fix, setFix] = useState<Fix>();
  const [locating, setLocating] = useState(false);
  const [locateError, setLocateError] = useState<string>();
  const [byPlace, setByPlace] = useState(false);

  // A draft in progress (a reload, an update) resumes at the form with its saved position.
  useEffect(() => {
    let live = true;
    void findDraft(undefined, draftId).then((d) => {
      const p = d?.data.draft;
      if (live && p?.lat !== undefined && p.long !== undefined && p.serviceCode === category) {
        // The accuracy of a saved fix is not kept; NaN says so.
        setFix({ lat: p.lat, lng: p.long, accuracy: Number.NaN });
        setByPlace(true);
      }
    });
    return () => {
      live = false;
    };
  }, [category, draftId]);

  const target = useMemo(
    () =>
      fix && {
        lat: fix.lat,
        long: fix.lng,
        serviceCode: category,
        draftId,
        attributes: plateGln ? { plate_gln: plateGln } : undefined,
      },
    [fix, category, plateGln, draftId],
  );

  // As on the new-complaint page: the detail page must open even if the report is sent offline.
  useEffect(() => {
    void import('../tracking/ComplaintDetailPage.tsx');
  }, []);

  const locate = async () => {
    setLocating(true);
    setLocateError(undefined);
    const r = await locateOnce();
    setLocating(false);
    if (r.status === 'ok') setFix(r.fix);
    else setLocateError(r.status);
  };

  const placeName = t('complaints:list.missingPlaceName');
  const onlyByPlace = (s: Service) => s.needs_location || s.service_code === category;
  return (
    <section class="page missing-plate">
      <h1>{t(misplaced ? 'complaints:missing.headingMisplaced' : 'complaints:missing.heading')}</h1>
      <p>{t(misplaced ? 'complaints:missing.leadMisplaced' : 'complaints:missing.lead')}</p>
      {plateGln && (
        <p>
          {t('complaints:missing.plateGln')}: <Ltr>{plateGln}</Ltr>
        </p>
      )}
      {!fix && (
        <div class="card">
          <p class="field-hint" id="locate-why">
            {t('complaints:missing.locateWhy')}
          </p>
          <button
            type="button"
            class="btn btn-primary btn-block"
            aria-describedby="locate-why"
            disabled={locating}
            onClick={locate}
          >
            {locating ? t('complaints:missing.locating') : t('complaints:missing.locate')}
          </button>
          {locateError && (
            <p class="field-error" role="alert">
              {t(`complaints:missing.${locateError}`)}
            </p>
          )}
        </div>
      )}
      {fix && (
        <p class="missing-position">
          {t(
            Number.isNaN(fix.accuracy) ? 'complaints:missing.positionSaved' : 'complaints:missing.position',
            {
              lat: fix.lat,
              long: fix.lng,
              accuracy: Math.round(fix.accuracy),
            },
          )}
        </p>
      )}
      {fix && !byPlace && (
        <NearbyShops
          fix={fix}
          onPick={(shop) => route(paths.newComplaint(shop.gln, { category, plate_gln: plateGln }))}
          onNone={() => setByPlace(true)}
        />
      )}
      {target && byPlace && (
        <>
          <p class="banner banner-info">{t('complaints:missing.located')}</p>
          <ComplaintForm
            target={target}
            placeName={placeName}
            filter={onlyByPlace}
            photoLabelKey="form.storefrontPhoto"
            onSubmitted={(id) => route(paths.complaint(id))}
          />
        </>
      )}
    </section>
  );
}
