import type { ManifestOptions } from 'vite-plugin-pwa';
import fa from '../../locales/fa/translation.json' with { type: 'json' };
import { paths } from '../api/paths.ts';

// The manifest is generated from the Persian locale so the installed name never drifts from the UI.
export function buildManifest(): Partial<ManifestOptions> {
  const m = fa.manifest;
  return {
    id: '/',
    name: m.name,
    short_name: m.shortName,
    description: m.description,
    lang: 'fa',
    dir: 'rtl',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: '#0b6e4f',
    background_color: '#ffffff',
    categories: ['shopping', 'utilities'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    // A photo of a plate shared from the gallery or camera app is decoded on the scan page.
    share_target: {
      action: paths.shareTarget(),
      method: 'POST',
      enctype: 'multipart/form-data',
      params: { files: [{ name: 'photo', accept: ['image/*'] }] },
    },
    shortcuts: [
      {
        name: m.shortcutScan,
        short_name: m.shortcutScan,
        url: paths.scan(),
        icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
      },
      {
        name: m.shortcutComplaints,
        short_name: m.shortcutComplaints,
        url: paths.complaints(),
        icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }],
      },
    ],
  };
}
