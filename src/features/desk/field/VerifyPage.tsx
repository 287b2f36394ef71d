import './locale.ts';
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { paths, type VerifyResult, type VerifyTarget } from '../../../api/index.ts';
import { failureText } from '../../../app/failure-text.ts';
import { useT } from '../../../app/t.ts';
import { formatDate, formatNumber, localDigits } from '../../../i18n/format.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import { PersianText } from '../../../ui/PersianText.tsx';
import { locateOnce } from '../../place/locate.ts';
import { fieldCalls } from './field-calls.ts';
import './field.css';

// Level 4 on site: the field agent confirms floor, unit and plate against the registry, then
// taps once to record the phone's GPS fix with its accuracy. The service refuses a fix too coarse
// or too far, and the page shows its reason as it is.

export function VerifyPage() {
  const { params } = useRoute();
  const gln = params.gln;
  return gln ? <VerifyShop gln={gln} /> : <PickShop />;
}

function PickShop() {
  const t = useT();
  const [typed, setTyped] = useState('');
  const go = (e: Event) => {
    e.preventDefault();
    // Digits typed on a Persian keyboard are Persian: the path takes Latin ones.
    const gln = typed.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace(/\D/g, '');
    if (gln) location.assign(paths.deskVerify(gln));
  };
  return (
    <div class="field-page">
      <h1>{t('desk:verify.title')}</h1>
      <form class="desk-card field-visit" onSubmit={go}>
        <label for="verify-gln">{t('desk:verify.glnLabel')}</label>
        <input
          id="verify-gln"
          inputMode="numeric"
          dir="ltr"
          autoComplete="off"
          value={typed}
          onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="desk-button desk-button-primary">
          {t('desk:verify.open')}
        </button>
      </form>
    </div>
  );
}

function VerifyShop({ gln }: { gln: string }) {
  const t = useT();
  const [target, setTarget] = useState<VerifyTarget | null>(null);
  const [checks, setChecks] = useState({ floor_ok: false, unit_ok: false, plate_ok: false });
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState('');
  const [result, setResult] = useState<VerifyResult>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void fieldCalls
      .verifyTarget(gln)
      .then((r) => (r.status === 'ok' ? setTarget(r.data) : setProblem(failureText(t, r))));
  }, [gln]);

  const verify = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setStatus(t('desk:verify.locating'));
    const fix = await locateOnce();
    if (fix.status !== 'ok') {
      setBusy(false);
      setStatus('');
      return setProblem(t('desk:verify.noGps'));
    }
    setStatus(t('desk:verify.fixShown', { accuracy: formatNumber(Math.round(fix.fix.accuracy)) }));
    const r = await fieldCalls.verify(gln, { ...fix.fix, ...checks });
    setBusy(false);
    if (r.status !== 'ok') return setProblem(failureText(t, r));
    setResult(r.data);
    setStatus(t('desk:verify.done', { distance: formatNumber(r.data.distance) }));
  };

  const box = (key: keyof typeof checks, label: string) => (
    <label class="field-choice">
      <input
        type="checkbox"
        checked={checks[key]}
        onChange={(e) => setChecks({ ...checks, [key]: (e.currentTarget as HTMLInputElement).checked })}
      />{' '}
      {label}
    </label>
  );

  const verification = result?.verification ?? target?.verification;
  return (
    <div class="field-page">
      <h1>{t('desk:verify.title')}</h1>
      {target && (
        <section class="desk-card" aria-labelledby="verify-shop">
          <h2 id="verify-shop">{localDigits(target.name)}</h2>
          <p>
            <Ltr>{target.gln}</Ltr>
          </p>
          <p>{localDigits(target.address)}</p>
          <p>
            {t('desk:verify.registered', {
              floor: localDigits(target.floor),
              unit: localDigits(target.unit),
            })}
          </p>
          <p>{t('desk:verify.level', { level: formatNumber(result ? 4 : target.verificationLevel) })}</p>
          {verification && (
            <p>
              {t('desk:verify.verified', {
                by: verification.by,
                date: formatDate(verification.at, { time: true }),
              })}
            </p>
          )}
          <form class="field-visit" onSubmit={verify}>
            <fieldset>
              <legend>{t('desk:verify.checks')}</legend>
              {box('floor_ok', t('desk:verify.floor'))}
              {box('unit_ok', t('desk:verify.unit'))}
              {box('plate_ok', t('desk:verify.plate'))}
            </fieldset>
            <button type="submit" class="desk-button desk-button-primary" disabled={busy}>
              {t('desk:verify.fix')}
            </button>
          </form>
        </section>
      )}
      <p role="status" class="field-status">
        {status}
      </p>
      {problem && (
        <p class="desk-error" role="alert">
          <PersianText text={problem} />
        </p>
      )}
    </div>
  );
}
