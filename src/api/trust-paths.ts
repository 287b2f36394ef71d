// The trust routes' paths, apart from trust.ts so the app's client takes them without zod.

/** Where shoppers post what their phone read at the plate (not under /locations/{gln}/: that is AI 254). */
export const plateReadingPath = (gln: string) => `/api/v1/plate-readings/${gln}`;
