import './locale.ts';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { classify } from '../../gs1/index.ts';
import type { ScanKind } from '../../gs1/types.ts';
import type { DecodeHit } from '../../scanner/messages.ts';
import { prefetchPlace, preloadPlacePage } from '../place/prefetch.ts';
import { CameraView } from './CameraView.tsx';
import { FailureScreen } from './FailureScreen.tsx';
import { handleDecode } from './handle-decode.ts';
import { PhotoPicker } from './PhotoPicker.tsx';
import { ResultSheet } from './ResultSheet.tsx';
import { placePath } from './scan-route.ts';
import { TypedGlnEntry } from './TypedGlnEntry.tsx';
import { t } from './t.ts';
import { useScanner } from './use-scanner.ts';
import './ScanPage.css';

// The scan route (lazy chunk): camera, or a photo, or typed digits; a plate opens the shop page,
// anything else opens the result sheet.

/**
 * The history's storage (Dexie, the largest part of the route) is not needed until a code is read:
 * it loads, and its database opens, beside the camera and the decoder instead of before the page
 * can show the camera.
 */
const recorder = () => import('../../scanner/record-scan.ts');

export default function ScanPage() {
  const { route } = useLocation();
  const [sheet, setSheet] = useState<ScanKind | null>(null);
  useEffect(() => {
    void recorder().then((m) => m.openHistory());
    // Most scans are plates: the shop page's code loads while the camera starts (the page's own
    // thread is idle then), so a read plate's page shows without waiting for it.
    void preloadPlacePage();
  }, []);

  const onHit = useCallback(
    (hit: DecodeHit) => {
      void handleDecode(hit.text, {
        classify,
        record: (raw, kind) => recorder().then((m) => m.recordScan(raw, kind)),
        prefetch: (kind, recorded) => {
          if (kind.kind === 'gs1-location') prefetchPlace(kind.gln, kind.extension, recorded);
        },
        vibrate: (ms) => navigator.vibrate?.(ms),
        navigate: (path) => route(path),
        showSheet: setSheet,
      });
    },
    [route],
  );

  const scanner = useScanner({ active: sheet === null, onHit });
  const { state } = scanner;

  return (
    <section class="scan-page" aria-labelledby="scan-title">
      <h1 id="scan-title" class="scan-title">
        {t('title')}
      </h1>
      {sheet ? (
        <ResultSheet kind={sheet} navigate={(path) => route(path)} onScanAgain={() => setSheet(null)} />
      ) : state.phase === 'failed' ? (
        <FailureScreen failure={state.failure} onRetry={scanner.retry} />
      ) : (
        <>
          <CameraView
            videoRef={scanner.videoRef}
            track={state.phase === 'scanning' ? state.track : undefined}
            starting={state.phase === 'starting'}
          />
          <p class="scan-hint">{t('hint')}</p>
        </>
      )}
      <div class="scan-alternatives">
        <PhotoPicker decode={scanner.decodeImage} onHit={onHit} />
        <p class="scan-or" aria-hidden="true">
          {t('or')}
        </p>
        <TypedGlnEntry onGln={(gln) => route(placePath(gln))} />
      </div>
    </section>
  );
}
