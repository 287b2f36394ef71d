import { afterEach, describe, expect, it, vi } from 'vitest';
import { RESOLVER_SETTING_KEY } from '../../../src/api/resolver-setting.ts';
import { resolverIsOwnService, resolverUrl } from '../../../src/api/resolver-url.ts';

// Which GS1 resolver the app asks: the device setting over the build's, and only an http(s) URL.

function deviceSetting(value: string | null) {
  vi.stubGlobal('localStorage', { getItem: (k: string) => (k === RESOLVER_SETTING_KEY ? value : null) });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('resolverUrl', () => {
  it('is the same origin (the service itself) when nothing is configured', () => {
    deviceSetting(null);
    expect(resolverUrl()).toBe('');
    expect(resolverIsOwnService()).toBe(true);
  });

  it('takes the device setting, without a trailing slash, as another resolver', () => {
    deviceSetting('https://resolver.registry.example/');
    expect(resolverUrl()).toBe('https://resolver.registry.example');
    expect(resolverIsOwnService()).toBe(false);
  });

  it('ignores a setting that is not an http(s) URL', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/plain,x', 'registry.example', '']) {
      deviceSetting(bad);
      expect(resolverUrl()).toBe('');
    }
  });

  it('works where storage throws (private mode)', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(resolverUrl()).toBe('');
  });
});
