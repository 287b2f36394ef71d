import type { ComponentChildren } from 'preact';

// A translated sentence with one LTR value inside (a GLN, a licence id). The value cannot be
// interpolated as text: it must sit in its own <bdi dir="ltr"> so its digits neither reorder nor
// get mistaken for Persian text. Translate with `{ gln: SLOT }`, then put the element in the slot.
export const SLOT = '\u2063';

export function Slotted({ text, children }: { text: string; children: ComponentChildren }) {
  const at = text.indexOf(SLOT);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      {children}
      {text.slice(at + SLOT.length)}
    </>
  );
}
