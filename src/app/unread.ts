import { signal } from '@preact/signals';

/** Unread union replies across the reporter's complaints; the complaints sync sets it, the nav shows it. */
export const unreadReplies = signal(0);
