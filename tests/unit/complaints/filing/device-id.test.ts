import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deviceId } from '../../../../src/features/complaints/filing/device-id.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('the per-device id for "me too"', () => {
  let storage: ReturnType<typeof memoryStorage>;
  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('is a random UUID made once and kept in localStorage', () => {
    const id = deviceId();
    expect(id).toMatch(UUID);
    expect(storage.getItem('kbf.device-id')).toBe(id);
    expect(deviceId()).toBe(id);
  });

  it('replaces a kept value that is not a UUID', () => {
    storage.setItem('kbf.device-id', 'tampered');
    const id = deviceId();
    expect(id).toMatch(UUID);
    expect(storage.getItem('kbf.device-id')).toBe(id);
  });

  it('still answers one stable id for the page when storage refuses', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    });
    const id = deviceId();
    expect(id).toMatch(UUID);
    expect(deviceId()).toBe(id);
  });
});
