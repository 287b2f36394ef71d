import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api/app-client.ts';
import { getPlace, placeKey } from '../../../db/places.ts';

// The shop's name for headings: the cached record first (it was just opened on the shop page,
// and the shopper may be offline), the service only when this phone never saw the shop.

export function usePlaceName(gln: string | undefined, ext?: string): string | undefined {
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!gln) return;
    let live = true;
    void (async () => {
      const cached =
        (await getPlace(placeKey(gln, ext)).catch(() => undefined)) ??
        (await getPlace(gln).catch(() => undefined));
      if (cached) return live && setName(cached.record.name);
      const res = await api().getLocation(gln, ext);
      if (live && res.status === 'ok') setName(res.record.name);
    })();
    return () => {
      live = false;
    };
  }, [gln, ext]);
  return name;
}
