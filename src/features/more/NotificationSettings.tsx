import '../../app/push-locale.ts';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../app/t.ts';
import { disableAllPush, pushAvailability, pushIsOn } from '../../sync/push.ts';

// Settings: whether this phone gets reply notifications, and one button that stops them all
// (the service forgets this browser for every complaint, then the browser drops its subscription).

export function NotificationSettings() {
  const t = useT();
  const supported = pushAvailability() !== 'unsupported';
  const [on, setOn] = useState<boolean>();
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (supported) void pushIsOn().then(setOn);
  }, [supported]);
  return (
    <div class="card">
      <h2>{t('push:settings.title')}</h2>
      {!supported ? (
        <p>{t('push:settings.unsupported')}</p>
      ) : on ? (
        <>
          <p>{t('push:settings.on')}</p>
          <button
            type="button"
            class="btn btn-block"
            onClick={async () => {
              await disableAllPush();
              setOn(false);
              setDone(true);
            }}
          >
            {t('push:settings.unsubscribe')}
          </button>
        </>
      ) : (
        <p role="status">{done ? t('push:settings.done') : t('push:settings.off')}</p>
      )}
    </div>
  );
}
