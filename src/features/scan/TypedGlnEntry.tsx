import { useState } from 'preact/hooks';
import { t } from './t.ts';
import { GLN_LENGTH, readTypedGln, type TypedGln } from './typed-gln.ts';

// The 13 digits printed under the plate's code, for a plate the camera cannot read.

export function TypedGlnEntry({ onGln }: { onGln(gln: string): void }) {
  const [value, setValue] = useState('');
  const reading = readTypedGln(value);
  const message = messageOf(reading);
  const invalid =
    reading.state === 'not-digits' || reading.state === 'too-long' || reading.state === 'bad-check';

  return (
    <form
      class="scan-typed"
      onSubmit={(e) => {
        e.preventDefault();
        if (reading.state === 'ok') onGln(reading.gln);
      }}
    >
      <label for="scan-gln" class="scan-typed-label">
        {t('typed.label')}
      </label>
      <input
        id="scan-gln"
        class="scan-typed-input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        dir="ltr"
        value={value}
        onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
        aria-invalid={invalid}
        aria-describedby="scan-gln-status"
      />
      <p
        id="scan-gln-status"
        class={invalid ? 'scan-typed-status scan-error' : 'scan-typed-status'}
        aria-live="polite"
      >
        {message}
      </p>
      <button type="submit" class="btn btn-primary" disabled={reading.state !== 'ok'}>
        {t('typed.submit')}
      </button>
    </form>
  );
}

function messageOf(reading: TypedGln): string {
  switch (reading.state) {
    case 'empty':
      return t('typed.help');
    case 'partial':
      return t('typed.partial', { count: reading.digits.length, total: GLN_LENGTH });
    case 'not-digits':
      return t('typed.notDigits');
    case 'too-long':
      return t('typed.tooLong', { count: reading.digits.length, total: GLN_LENGTH });
    case 'bad-check':
      return t('typed.badCheck');
    case 'ok':
      return t('typed.ok');
  }
}
