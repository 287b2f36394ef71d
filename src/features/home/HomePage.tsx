import { paths } from '../../api/paths.ts';
import { useT } from '../../app/t.ts';
import { startScanner } from '../../scanner/scan-start.ts';
import { InstallHint } from './InstallHint.tsx';
import './home.css';

export function HomePage() {
  const t = useT();
  return (
    <section class="page home">
      <h1>{t('home.heading')}</h1>
      <p class="home-lead">{t('home.lead')}</p>
      {/* The camera and the decoder start with the tap, while the scan page's chunk loads. */}
      <a class="btn btn-primary btn-block home-cta" href={paths.scan()} onClick={onScanTap}>
        {t('home.scanCta')}
      </a>
      <a class="btn btn-block" href={paths.missingPlate()}>
        {t('home.missingPlate')}
      </a>
      <InstallHint />
      <h2 class="home-steps-title">{t('home.stepsTitle')}</h2>
      <ol class="home-steps">
        <li>{t('home.step1', { digits: 13 })}</li>
        <li>{t('home.step2')}</li>
        <li>{t('home.step3')}</li>
      </ol>
    </section>
  );
}

/** A plain click opens the scan page here (a modified one opens another tab, which starts its own). */
function onScanTap(event: MouseEvent): void {
  if (event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey)
    startScanner();
}
