/// <reference lib="webworker" />

import fa from '../../locales/fa/translation.json' with { type: 'json' };
import { paths } from '../api/paths.ts';
import type { PushMessage } from '../api/push.ts';
import { complaintByServerId } from '../db/complaints.ts';

// The service worker's side of reply notifications. A push message carries its words already in
// the reporter's language (the service words it), so the worker only shows it; tapping it opens
// the complaint on this phone (its local id, found by the service's id), in a window already
// open when there is one.

declare const self: ServiceWorkerGlobalScope;

function isMessage(v: unknown): v is PushMessage {
  const m = v as PushMessage;
  return (
    !!m &&
    typeof m.title === 'string' &&
    typeof m.body === 'string' &&
    typeof m.service_request_id === 'string'
  );
}

export function onPush(event: PushEvent): void {
  let message: unknown;
  try {
    message = event.data?.json();
  } catch {
    message = undefined;
  }
  // userVisibleOnly: every push must show something, so a message we cannot read still says so.
  const m: PushMessage = isMessage(message)
    ? message
    : { title: fa.manifest.shortName, body: '', service_request_id: '', lang: 'fa' };
  event.waitUntil(
    self.registration.showNotification(m.title, {
      body: m.body,
      lang: m.lang === 'en' ? 'en' : 'fa',
      dir: m.lang === 'en' ? 'ltr' : 'rtl',
      icon: '/icons/icon-192.png',
      // One notification per complaint: a second reply replaces the first instead of piling up.
      tag: m.service_request_id ? `complaint:${m.service_request_id}` : undefined,
      data: { service_request_id: m.service_request_id },
    }),
  );
}

/** Where a tapped notification leads: the complaint's page, else the list of complaints. */
export async function notificationTarget(data: unknown): Promise<string> {
  const serverId = (data as { service_request_id?: unknown } | null)?.service_request_id;
  const local = typeof serverId === 'string' && serverId ? await complaintByServerId(serverId) : undefined;
  return local ? paths.complaint(local.id) : paths.complaints();
}

export function onNotificationClick(event: NotificationEvent): void {
  event.notification.close();
  event.waitUntil(openFromTap(event.notification.data));
}

// WindowClient.navigate() works only on a window this worker controls (Service Workers §
// "navigate(url)": "If this's associated service worker client's active service worker is not the
// context object's relevant global object's service worker, return a promise rejected with a
// TypeError"). A tab opened before the worker took over, or hard-reloaded, is such a window: it
// was once focused and left where it was, and the tap seemed to do nothing. So only controlled
// windows are moved; otherwise, or if moving fails, a new window opens at the complaint (the tap
// is the user activation openWindow() needs). A focus the browser refuses is no reason to fail.
async function openFromTap(data: unknown): Promise<void> {
  const target = new URL(await notificationTarget(data), self.location.origin).href;
  const controlled = await self.clients.matchAll({ type: 'window' });
  for (const client of controlled) {
    const moved = await client.navigate(target).catch(() => null);
    if (moved) {
      await moved.focus().catch(() => undefined);
      return;
    }
  }
  await self.clients.openWindow(target);
}
