// The service's Web Push addresses, without zod, so the app's client can import them.
export const PUSH_API = {
  key: '/api/v1/push/key',
  subscriptions: '/api/v1/push/subscriptions',
} as const;
