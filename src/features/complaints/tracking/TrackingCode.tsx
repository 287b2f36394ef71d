import { useState } from 'preact/hooks';
import { useT } from '../../../app/t.ts';
import { Ltr } from '../../../i18n/Ltr.tsx';
import './tracking-code.css';

/** The tracking code, kept LTR (it is a code, not a number to localise) and copyable. */
export function TrackingCode({ code }: { code: string }) {
  const t = useT();
  const [copied, setCopied] = useState<'ok' | 'failed'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div class="tracking-code">
      <span class="tracking-label">{t('complaints:tracking.label')}</span>
      <Ltr class="tracking-value">{code}</Ltr>
      <button type="button" class="btn tracking-copy" onClick={copy}>
        {t('complaints:tracking.copy')}
      </button>
      <span class="tracking-status" role="status">
        {copied && t(`complaints:tracking.${copied === 'ok' ? 'copied' : 'copyFailed'}`)}
      </span>
    </div>
  );
}
