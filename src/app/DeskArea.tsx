import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from './t.ts';

// Lazy boundary: the staff's desk is its own chunk, loaded only when a /desk path opens, so none
// of it weighs on the shopper's first paint. It brings its own layout, router and strings.

export function DeskArea() {
  const t = useT();
  const [Desk, setDesk] = useState<ComponentType | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('../features/desk/DeskApp.tsx').then(
      (m) => setDesk(() => m.default),
      () => setFailed(true),
    );
  }, []);
  // A chunk that cannot load: offline before the desk was ever opened here.
  if (failed)
    return (
      <p role="alert" class="desk-load-failed">
        {t('failure.offline')}
      </p>
    );
  return Desk ? <Desk /> : null;
}
