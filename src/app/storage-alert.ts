import { signal } from '@preact/signals';

/** Set when a write to the device's storage failed because it is full; the top bar says so. */
export const storageFull = signal(false);
