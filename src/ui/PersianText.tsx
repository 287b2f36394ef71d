import { Fragment } from 'preact';
import { localDigits } from '../i18n/format.ts';

// Text written by the service or the union (a notice, a reply) in the UI's digits. A phone number
// or a date like 021-22308014 or 1405/09/04 would be reordered by the bidi algorithm once its
// digits are Persian (they are then "Arabic numbers" between neutral separators), so such runs
// are isolated left-to-right.
const NUMERIC_RUN = /([0-9۰-۹]+(?:[-/.:][0-9۰-۹]+)+)/;

export function PersianText({ text }: { text: string }) {
  const parts = text.split(NUMERIC_RUN);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <bdi key={i} dir="ltr">
            {localDigits(part)}
          </bdi>
        ) : (
          <Fragment key={i}>{localDigits(part)}</Fragment>
        ),
      )}
    </>
  );
}
