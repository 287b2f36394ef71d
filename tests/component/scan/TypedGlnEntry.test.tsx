import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { TypedGlnEntry } from '../../../src/features/scan/TypedGlnEntry.tsx';

const label = 'شناسه ۱۳ رقمی مکان (GLN)، زیر کد QR پلاک';
const submit = 'نمایش مشخصات مغازه';

function type(value: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  input.value = value;
  fireEvent.input(input);
  return input;
}

describe('typed GLN entry', () => {
  it('counts typed digits in Persian while the number is incomplete', () => {
    render(<TypedGlnEntry onGln={() => {}} />);
    type('۶۲۶');
    expect(screen.getByText('۳ رقم از ۱۳ رقم وارد شده است.')).toBeTruthy();
    expect((screen.getByRole('button', { name: submit }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says in Persian that the check digit is wrong, and keeps the button disabled', () => {
    render(<TypedGlnEntry onGln={() => {}} />);
    const input = type('۶۲۶۰۰۰۰۰۰۰۰۱۸');
    expect(screen.getByText(/رقم کنترل/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: submit }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('opens the shop with Latin digits when 13 Persian digits check out', () => {
    const onGln = vi.fn();
    render(<TypedGlnEntry onGln={onGln} />);
    type('۶۲۶۰۰۰۰۰۰۰۰۱۹');
    fireEvent.click(screen.getByRole('button', { name: submit }));
    expect(onGln).toHaveBeenCalledWith('6260000000019');
  });
});
