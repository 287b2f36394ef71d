import type { MiddlewareHandler } from 'hono';
import { onEveryAnswer } from './every-answer.ts';

// One set of security headers for every response. The CSP matches what the app needs: the
// decoder's wasm ('wasm-unsafe-eval'), camera frames and photos as blob:/data:, no inline code.
/**
 * The CSP, allowing the app to also call `connect` origins: the GS1 resolver it is pointed at
 * when that is not this service (RESOLVER_URL, README "Which resolver the app asks").
 */
export function cspWith(connect: readonly string[] = [], images: readonly string[] = []): string {
  return CSP.replace("connect-src 'self'", ["connect-src 'self'", ...connect].join(' ')).replace(
    "img-src 'self' data: blob:",
    // A map's tiles from a tile server elsewhere (TILE_URL, README "Shops near me").
    ["img-src 'self' data: blob:", ...images].join(' '),
  );
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // A voice note or video is played back from its Blob before it is sent.
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function securityHeaders(
  connect: readonly string[] = [],
  images: readonly string[] = [],
): MiddlewareHandler {
  return onEveryAnswer({ ...SECURITY_HEADERS, 'Content-Security-Policy': cspWith(connect, images) });
}
