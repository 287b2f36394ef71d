import { signal } from '@preact/signals';
import type { Workbox } from 'workbox-window';

// All page <-> service worker talk lives here: registration, a waiting update, skip-waiting,
// and the reload once the new worker controls the page.

export const updateWaiting = signal(false);
export const offlineReady = signal(false);

let wb: Workbox | undefined;
const beforeReload: (() => Promise<void> | void)[] = [];

/** Features that hold unsaved input (a complaint draft) register a save to run before the reload. */
export function onBeforeUpdateReload(save: () => Promise<void> | void): () => void {
  beforeReload.push(save);
  return () => beforeReload.splice(beforeReload.indexOf(save), 1);
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { Workbox } = await import('workbox-window');
  wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    updateWaiting.value = true;
  });
  wb.addEventListener('installed', (event) => {
    if (!event.isUpdate) offlineReady.value = true;
  });
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  await wb.register();
}

export async function applyUpdate(): Promise<void> {
  for (const save of [...beforeReload]) await save();
  updateWaiting.value = false;
  wb?.messageSkipWaiting();
}
