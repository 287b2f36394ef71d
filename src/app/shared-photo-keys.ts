// Where the service worker leaves a photo shared into the app (Web Share Target), read once by the scan page.
export const SHARED_PHOTO_CACHE = 'shared-photo-v1';
export const SHARED_PHOTO_KEY = '/shared-photo';
