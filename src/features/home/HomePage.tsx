import { paths } from '../../api/paths.ts';
import { useT } from '../../app/t.ts';
import { InstallHint } from './InstallHint.tsx';
import './home.css';

export function HomePage() {
  const t = useT();
  return (
    <section class="page home">
      <h1>{t('home.heading')}</h1>
      <p class="home-lead">{t('home.lead')}</p>
      <a class="btn btn-primary btn-block home-cta" href={paths.scan()}>
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
