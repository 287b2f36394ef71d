import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultSheet } from '../../../src/features/scan/ResultSheet.tsx';
import { classify } from '../../../src/gs1/index.ts';
import { i18n } from '../../../src/i18n/setup.ts';

// A plate whose GLN has a wrong check digit: the sheet gives the reason in the shopper's language.
const broken = classify('https://qr.example.ir/414/6260000000018');

afterEach(() => i18n.changeLanguage('fa'));

describe('the result sheet for an invalid GS1 code', () => {
  it('is a broken plate, not a plain link', () => {
    expect(broken.kind).toBe('invalid-gs1');
  });

  it('gives the reason in Persian', () => {
    render(<ResultSheet kind={broken} navigate={() => {}} onScanAgain={() => {}} />);
    expect(screen.getByText(/رقم کنترل شناسه درست نیست/)).toBeTruthy();
  });

  it('gives the reason in English when the app is in English', async () => {
    await i18n.changeLanguage('en');
    render(<ResultSheet kind={broken} navigate={() => {}} onScanAgain={() => {}} />);
    expect(screen.getByText(/check digit is wrong/)).toBeTruthy();
    expect(screen.queryByText(/رقم کنترل/)).toBeNull();
  });
});
