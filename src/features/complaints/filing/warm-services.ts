import { api } from '../../../api/app-client.ts';
import { loadDefinition, loadServices } from './service-cache.ts';

// A shopper often writes a complaint where there is no signal (inside a bazaar). Categories and
// their evidence fields are fetched once a day in the background so the form works offline
// even if it was never opened online.

const STAMP = 'kbf.complaints.warmedAt';
const DAY_MS = 24 * 60 * 60 * 1000;

export async function warmComplaintServices(now = Date.now()): Promise<void> {
  try {
    if (!navigator.onLine || now - Number(localStorage.getItem(STAMP) ?? 0) < DAY_MS) return;
    const client = api();
    const services = await loadServices(client);
    if (services.status !== 'ok') return;
    for (const s of services.data) await loadDefinition(client, s.service_code);
    localStorage.setItem(STAMP, String(now));
  } catch {
    // Storage blocked: the form will fetch what it needs when it opens.
  }
}
