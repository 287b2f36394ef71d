import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../api/client.ts';
import type { PublicOutcomesProps } from './PublicOutcomes.tsx';

// The lazy-loading boundary of the shop page's outcomes: the record paints first (the page every
// plate opens has to be fast), then, once the browser is idle, the section's code and its data
// arrive and it appears at the end of the page, below what the shopper came for.

function whenIdle(run: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(run, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(run, 300);
  return () => clearTimeout(id);
}

export function OutcomesSlot({ gln, client }: { gln: string; client: ApiClient }) {
  const [View, setView] = useState<ComponentType<PublicOutcomesProps> | null>(null);
  useEffect(() => {
    let live = true;
    const cancel = whenIdle(() => {
      void import('./PublicOutcomes.tsx').then(
        (m) => live && setView(() => m.PublicOutcomes),
        // No code (offline, a new deploy): the section is a nice-to-have and simply stays away.
        () => undefined,
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, []);
  return View ? <View gln={gln} client={client} /> : null;
}
