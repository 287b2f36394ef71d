import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTree, findPersianSentences } from '../../../scripts/check-persian-text.ts';

// The lint step that keeps user-facing text in locales/: what it must catch and what it must let be.

describe('check-persian-text', () => {
  it('catches a Persian sentence in a string, a template and JSX text', () => {
    expect(findPersianSentences(`const a = 'شکایت ثبت شد.';`, 'a.ts')).toEqual([
      { line: 1, text: 'شکایت ثبت شد' },
    ]);
    // Each piece of a template around a placeholder is read on its own.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the string is source code under check
    expect(findPersianSentences('const b = `مهلت ${n} روز است`;', 'b.ts').map((f) => f.text)).toEqual([
      'روز است',
    ]);
    expect(findPersianSentences('const C = () => (\n  <p>پاسخ اتحادیه</p>\n);', 'c.tsx')).toEqual([
      { line: 2, text: 'پاسخ اتحادیه' },
    ]);
  });

  it('catches text in markup but not in its comments', () => {
    expect(findPersianSentences('<!-- یک توضیح کوتاه -->\n<h1>میز رسیدگی</h1>', 'p.html')).toEqual([
      { line: 2, text: 'میز رسیدگی' },
    ]);
  });

  it('lets comments, regular expressions, single words and Persian digits be', () => {
    const code = [
      '// شکایت شما ثبت شد',
      '/** متن بلندی در توضیح */',
      "const strip = (s: string) => s.replace(/^بازرسی /, '');",
      "const sep = '، ';",
      "const digits = '۱۴۰۵/۰۹/۰۴ ۱۸:۳۰';",
    ].join('\n');
    expect(findPersianSentences(code, 'd.ts')).toEqual([]);
  });

  it('finds no Persian sentence in src/ outside the data files', () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    expect(checkTree(root)).toEqual([]);
  });
});
