import type { ScanKind } from '../../gs1/types.ts';
import { routeForScan } from './scan-route.ts';

// What happens the moment a code is read, with its effects injected so the order and the
// branches are tested in Node: a buzz, the classification, the history record, then the shop
// page or the result sheet.

export type DecodeEffects = {
  classify(text: string): ScanKind;
  record(raw: string, kind: ScanKind): Promise<unknown>;
  /** Starts loading the page a decode leads to, beside the history record (`recorded`). */
  prefetch?(kind: ScanKind, recorded: Promise<unknown>): void;
  vibrate?(ms: number): void;
  navigate(path: string): void;
  showSheet(kind: ScanKind): void;
};

export async function handleDecode(text: string, fx: DecodeEffects): Promise<ScanKind> {
  fx.vibrate?.(50);
  const kind = fx.classify(text);
  // Recorded before navigating so the shop page (and history) already sees this scan; the
  // write itself never throws (record-scan.ts). The page's own loading starts meanwhile.
  const recorded = fx.record(text, kind);
  const route = routeForScan(kind);
  if (route.to === 'page') fx.prefetch?.(kind, recorded);
  await recorded;
  if (route.to === 'page') fx.navigate(route.path);
  else fx.showSheet(kind);
  return kind;
}
