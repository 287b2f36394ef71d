import { api } from '../api/app-client.ts';
import { getComplaint, setNotify } from '../db/complaints.ts';

// Reply notifications on this phone: one browser push subscription (the PushManager's), handed
// to the service for each complaint the reporter asks about. Loaded only by the pages that offer
// or withdraw it (the complaint's page, settings), never by the shell.

export type PushAvailability = 'unsupported' | 'denied' | 'ask' | 'granted';

export function pushAvailability(): PushAvailability {
  if (typeof Notification === 'undefined' || !('serviceWorker' in navigator) || !('PushManager' in window))
    return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return Notification.permission === 'granted' ? 'granted' : 'ask';
}

export type EnableResult = 'on' | 'denied' | 'failed' | 'unsupported';

/** RFC 8292 §3.2: the key is base64url; PushManager wants its bytes. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
}

async function browserSubscription(publicKey: string): Promise<PushSubscription> {
  const reg = await navigator.serviceWorker.ready;
  const key = keyBytes(publicKey);
  const current = await reg.pushManager.getSubscription();
  if (current) {
    const held = current.options.applicationServerKey;
    const same = held && new Uint8Array(held).every((b, i) => b === key[i]) && held.byteLength === key.length;
    if (same) return current;
    // The service's key changed (a new deployment): the old subscription can never be used.
    await current.unsubscribe();
  }
  return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
}

/** Asks the browser (on the reporter's tap only) and tells the service about this complaint. */
export async function enablePush(complaintId: string): Promise<EnableResult> {
  if (pushAvailability() === 'unsupported') return 'unsupported';
  const c = await getComplaint(complaintId);
  if (!c?.serverId || !c.token) return 'failed';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'failed';
  try {
    const key = await api().pushKey();
    if (key.status !== 'ok') return 'failed';
    const sub = (await browserSubscription(key.data.public_key)).toJSON();
    if (!sub.endpoint || !sub.keys?.p256dh || !sub.keys.auth) return 'failed';
    const res = await api().pushSubscribe(
      {
        service_request_id: c.serverId,
        subscription: { endpoint: sub.endpoint, keys: { p256dh: sub.keys.p256dh, auth: sub.keys.auth } },
      },
      c.token,
    );
    if (res.status !== 'ok') return 'failed';
  } catch {
    return 'failed';
  }
  await setNotify(complaintId, 'on');
  return 'on';
}

export const dismissPush = (complaintId: string) => setNotify(complaintId, 'dismissed');

/** Whether this browser holds a push subscription at all. */
export async function pushIsOn(): Promise<boolean> {
  if (pushAvailability() === 'unsupported') return false;
  const reg = await navigator.serviceWorker.getRegistration();
  return !!(await reg?.pushManager.getSubscription());
}

/** Settings: the service forgets this browser for every complaint, then the browser drops it. */
export async function disableAllPush(): Promise<void> {
  const reg = await navigator.serviceWorker.getRegistration();
  const sub = await reg?.pushManager.getSubscription();
  if (sub) {
    const res = await api().pushUnsubscribe(sub.endpoint);
    // Unsubscribing in the browser alone also ends it: the push service answers 410 to the
    // next message, and the service forgets the endpoint then.
    if (res.status !== 'ok') console.warn('push: the service was not told; it forgets on its next send');
    await sub.unsubscribe();
  }
  await setNotify(undefined, undefined);
}
