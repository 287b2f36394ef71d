import { useState } from 'preact/hooks';
import type { ScanKind } from '../../gs1/types.ts';
import { Ltr } from '../../i18n/Ltr.tsx';
import { licencePath, MISSING_PLATE_PATH, openableUrl } from './scan-route.ts';
import { t } from './t.ts';

// What a code that is not a shop plate is, and only the safe things to do with it. Nothing here
// opens by itself; an unknown website needs two taps, and a dangerous scheme never opens.

type Props = { kind: ScanKind; navigate(path: string): void; onScanAgain(): void };

export function ResultSheet({ kind, navigate, onScanAgain }: Props) {
  return (
    <section
      class="scan-sheet"
      role="dialog"
      aria-modal="false"
      aria-labelledby="scan-sheet-title"
      data-kind={kind.kind}
    >
      <SheetBody kind={kind} navigate={navigate} />
      <button type="button" class="btn" onClick={onScanAgain}>
        {t('sheet.scanAgain')}
      </button>
    </section>
  );
}

function SheetBody({ kind, navigate }: { kind: ScanKind; navigate(path: string): void }) {
  switch (kind.kind) {
    case 'url':
      return kind.safe && openableUrl(kind.url) ? (
        <UnknownSite url={kind.url} domain={kind.domain} />
      ) : (
        <Refused scheme={kind.scheme} />
      );
    case 'licence':
      return (
        <>
          <Title>{t('sheet.licence.title')}</Title>
          <p>{t('sheet.licence.text')}</p>
          <Datum label={t('sheet.licence.id')} value={kind.licenceId} />
          <button type="button" class="btn btn-primary" onClick={() => navigate(licencePath(kind.licenceId))}>
            {t('sheet.licence.action')}
          </button>
        </>
      );
    case 'legacy-iranman':
      return (
        <>
          <Title>{t('sheet.iranman.title')}</Title>
          <p>{t('sheet.iranman.text')}</p>
          <Datum label={t('sheet.url.domain')} value={kind.domain} />
          <button type="button" class="btn btn-primary" onClick={() => navigate(MISSING_PLATE_PATH)}>
            {t('sheet.iranman.action')}
          </button>
        </>
      );
    case 'gs1-product':
      return (
        <>
          <Title>{t('sheet.gtin.title')}</Title>
          <p>{t('sheet.gtin.text')}</p>
          <Datum label={t('sheet.gtin.key')} value={kind.gtin} />
        </>
      );
    case 'gs1-other':
    case 'gs1-data': {
      const first = kind.kind === 'gs1-other' ? kind.key : kind.elements[0];
      return (
        <>
          <Title>{t('sheet.gs1Other.title')}</Title>
          <p>{t('sheet.gs1Other.text')}</p>
          {first && <Datum label={t('sheet.gs1Other.key')} value={`(${first.ai}) ${first.value}`} />}
        </>
      );
    }
    case 'invalid-gs1':
      return (
        <>
          <Title warn>{t('sheet.invalid.title')}</Title>
          <p class="scan-reason">
            {t('sheet.invalid.reason', {
              // The GS1 core gives a code; the words are the locale's, in every language.
              reason: t(`sheet.invalid.codes.${kind.error.code}`),
            })}
          </p>
          <p>{t('sheet.invalid.text')}</p>
          <button type="button" class="btn btn-primary" onClick={() => navigate(MISSING_PLATE_PATH)}>
            {t('sheet.invalid.action')}
          </button>
        </>
      );
    case 'text':
      return (
        <>
          <Title>{t('sheet.text.title')}</Title>
          <p>{t('sheet.text.text')}</p>
          <p class="scan-datum-value scan-plain-text">
            <Ltr>{kind.text}</Ltr>
          </p>
        </>
      );
    case 'gs1-location':
      // Never shown: a location plate navigates (scan-route.ts). Kept total for the compiler.
      return null;
  }
}

function UnknownSite({ url, domain }: { url: string; domain: string }) {
  const [confirming, setConfirming] = useState(false);
  const href = openableUrl(url);
  return (
    <>
      <Title warn>{t('sheet.url.title')}</Title>
      <p>{t('sheet.url.text')}</p>
      <Datum label={t('sheet.url.domain')} value={domain} strong />
      {!confirming ? (
        <button type="button" class="btn" onClick={() => setConfirming(true)}>
          {t('sheet.url.open')}
        </button>
      ) : (
        <div class="scan-confirm">
          <p>{t('sheet.url.confirm')}</p>
          <p class="scan-datum-value scan-url">
            <Ltr>{url}</Ltr>
          </p>
          <div class="scan-row">
            <a
              class="btn btn-danger"
              href={href ?? undefined}
              target="_blank"
              rel="noopener noreferrer nofollow"
            >
              {t('sheet.url.confirmOpen')}
            </a>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>
              {t('sheet.url.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function Refused({ scheme }: { scheme: string }) {
  return (
    <>
      <Title warn>{t('sheet.unsafe.title')}</Title>
      <p>{t('sheet.unsafe.text', { scheme: `\u2068${scheme.replace(/:$/, '')}:\u2069` })}</p>
    </>
  );
}

function Title({ children, warn }: { children: string; warn?: boolean }) {
  return (
    <h2 id="scan-sheet-title" class={warn ? 'scan-sheet-title scan-warn' : 'scan-sheet-title'}>
      {children}
    </h2>
  );
}

function Datum({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <p class="scan-datum">
      <span class="scan-datum-label">{label}</span>
      <Ltr class={strong ? 'scan-datum-value scan-domain' : 'scan-datum-value'}>{value}</Ltr>
    </p>
  );
}
