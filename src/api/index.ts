// The one definition of every wire type of the lookup and complaint service, shared by the
// server, the app's client and test mocks. A contract change is an edit here.
export * from './common.ts';
export * from './desk-queue.ts';
export * from './errors.ts';
export * from './evidence.ts';
export * from './field.ts';
export * from './gln.ts';
export * from './install.ts';
export * from './language.ts';
export * from './lifecycle.ts';
export * from './linkset.ts';
export * from './location.ts';
export * from './map.ts';
export * from './media.ts';
export * from './open311.ts';
export * from './outcomes.ts';
export * from './outcomes-paths.ts';
export * from './paths.ts';
export * from './product.ts';
export * from './push.ts';
export * from './staff.ts';
export * from './trust.ts';
export * from './union.ts';
