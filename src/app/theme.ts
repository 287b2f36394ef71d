import { signal } from '@preact/signals';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'kala.theme';

export const themeChoice = signal<ThemeChoice>('system');

export function applyTheme(choice?: ThemeChoice): void {
  let next = choice;
  if (!next) {
    try {
      const saved = localStorage.getItem(KEY);
      next = saved === 'light' || saved === 'dark' ? saved : 'system';
    } catch {
      next = 'system';
    }
  } else {
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Not persisted in private mode; applied anyway.
    }
  }
  if (next === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = next;
  themeChoice.value = next;
}
