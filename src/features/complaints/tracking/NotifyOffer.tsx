import '../../../app/push-locale.ts';
import { useState } from 'preact/hooks';
import { useT } from '../../../app/t.ts';
import type { Complaint } from '../../../db/complaints.ts';
import { dismissPush, type EnableResult, enablePush, pushAvailability } from '../../../sync/push.ts';

// "Let me know": offered on a complaint's page once the service has it (so never on a first
// visit, and never before there is anything to hear about), until the reporter answers. The
// browser's own permission prompt comes only from the tap on "turn on".

type Props = { complaint: Complaint };

export function NotifyOffer({ complaint: c }: Props) {
  const t = useT();
  const [outcome, setOutcome] = useState<EnableResult | 'busy'>();
  if (!c.serverId || !c.token) return null;
  const availability = pushAvailability();
  if (availability === 'unsupported') return null;
  if (c.data.notify === 'dismissed') return null;
  if (c.data.notify === 'on')
    return (
      <p class="notify-offer" role="status">
        {t('push:prompt.on')}
      </p>
    );
  if (availability === 'denied' || outcome === 'denied')
    return (
      <p class="notify-offer" role="status">
        {t('push:prompt.denied')}
      </p>
    );
  const turnOn = async () => {
    setOutcome('busy');
    setOutcome(await enablePush(c.id));
  };
  return (
    <section class="card notify-offer" aria-labelledby="notify-offer-title">
      <h2 id="notify-offer-title">{t('push:prompt.title')}</h2>
      <p>{t('push:prompt.text')}</p>
      {outcome === 'failed' && (
        <p class="banner banner-warn" role="alert">
          {t('push:prompt.failed')}
        </p>
      )}
      <div class="notify-offer-actions">
        <button
          type="button"
          class="btn btn-primary"
          disabled={outcome === 'busy'}
          onClick={() => void turnOn()}
        >
          {t('push:prompt.allow')}
        </button>
        <button type="button" class="btn" onClick={() => void dismissPush(c.id)}>
          {t('push:prompt.later')}
        </button>
      </div>
    </section>
  );
}
