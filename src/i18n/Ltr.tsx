import type { ComponentChildren } from 'preact';

// LTR data (GLNs, URLs, codes) inside Persian text: <bdi dir="ltr"> isolates it so that its
// digits and punctuation neither reorder nor drag the surrounding Persian sentence along.
export function Ltr({ children, class: className }: { children: ComponentChildren; class?: string }) {
  return (
    <bdi dir="ltr" class={className ? `ltr ${className}` : 'ltr'}>
      {children}
    </bdi>
  );
}
