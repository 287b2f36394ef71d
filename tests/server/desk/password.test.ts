import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hashPassword,
  newPassword,
  scryptParams,
  verifyPassword,
} from '../../../src/server/staff/password.ts';

// Passwords as stored: scrypt (RFC 7914) with a random salt, its cost parameters written beside
// the hash so that a later, higher cost still verifies every earlier password.

describe('a stored password', () => {
  it('names scrypt, its N, r and p, a salt and the derived key', async () => {
    const stored = await hashPassword('correct horse');
    const [kdf, N, r, p, salt, key] = stored.split('$');
    expect(kdf).toBe('scrypt');
    expect({ N: Number(N), r: Number(r), p: Number(p) }).toEqual(scryptParams());
    expect(Buffer.from(salt!, 'base64url').length).toBe(16);
    expect(Buffer.from(key!, 'base64url').length).toBe(32);
  });

  it('is made at N = 2^16, r = 8 unless the operator raises it, and never below 2^12', () => {
    expect(scryptParams({})).toEqual({ N: 2 ** 16, r: 8, p: 1 });
    expect(scryptParams({ DESK_SCRYPT_LOG2_N: '17' }).N).toBe(2 ** 17);
    expect(scryptParams({ DESK_SCRYPT_LOG2_N: '4' }).N).toBe(2 ** 16);
  });

  it('differs for the same password (a fresh salt each time), and verifies only that password', async () => {
    const [a, b] = [await hashPassword('same'), await hashPassword('same')];
    expect(a).not.toBe(b);
    expect(await verifyPassword('same', a)).toBe(true);
    expect(await verifyPassword('Same', a)).toBe(false);
    expect(await verifyPassword('same', 'not a stored form')).toBe(false);
  });

  it('verifies with the parameters it was stored with, not the current ones', async () => {
    // Made by hand at N = 2^13, as an older release with a lower cost would have stored it.
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('older', salt, 32, { N: 2 ** 13, r: 8, p: 1 });
    const stored = `scrypt$${2 ** 13}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('older', stored)).toBe(true);
  });
});

describe('a drawn password', () => {
  it('is 15 characters without look-alike letters, and never repeats', () => {
    const drawn = Array.from({ length: 200 }, () => newPassword());
    for (const p of drawn) expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{15}$/);
    expect(new Set(drawn).size).toBe(drawn.length);
  });
});
