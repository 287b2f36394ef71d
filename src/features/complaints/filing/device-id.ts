// A random id per install, so the service counts one "me too" per phone. It names no one: made
// here, kept in localStorage, never derived from the device, the shopper or their complaints.

const KEY = 'kbf.device-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Storage refused (private mode, a full quota): the id lives as long as the page. */
let unsaved: string | undefined;

export function deviceId(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept && UUID.test(kept)) return kept;
    const id = crypto.randomUUID();
    localStorage.setItem(KEY, id);
    return id;
  } catch {
    unsaved ??= crypto.randomUUID();
    return unsaved;
  }
}
