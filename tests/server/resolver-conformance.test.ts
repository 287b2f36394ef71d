import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateProducts, pickDemoProducts } from '../../src/server/seed/products.ts';
import { FIRST_GLN, type Harness, startServer } from './harness.ts';
import { type Check, type CheckId, CLAUSES, type RunMode, runConformance } from './resolver-suite.ts';

// The GS1 resolver conformance run (our port of GS1's resolver test suite, tests/server/resolver-suite.ts)
// against the real server, on the four kinds of URI a plate or a typo produces. Every check that
// applies must pass; the only warnings allowed are named, with the reason.

let h: Harness;
beforeAll(async () => {
  h = await startServer();
});
afterAll(() => h.stop());

const ALL_RESOLVABLE: CheckId[] = [
  'rdFile',
  'rdContext',
  'corsCheck',
  'methodsCheck',
  'methodsReadOnly',
  'httpVersion',
  'headCheck',
  'trailingSlash',
  'validDL',
  'reportWith400',
  'noErrorWith200',
  'decompress',
  'sameAs',
  'linkOnRedirect',
  'legacyLinkHeaders',
  'basicWalkUp',
  'ltLinksetNoRedirect',
  'ltAcceptHeader',
  'declaredContentType',
  'linksetJsonldCheck',
  'varyAccept',
  'validLinkset',
  'levelsIncluded',
  'anchorUncompressed',
  'linksHaveTitle',
  'defaultLinkExists',
  'defaultLinkNoOptional',
  'defaultTargetDescribed',
  'defaultTarget',
  'linkTypeRedirect',
  'qsPassedOnAllTypes',
  'qsPassedOn',
  'specificLinkTypeNotFound',
];

// Compression and the AI 254 walk-up are checked on plates only; the rest holds for products too.
const PLATE_ONLY: CheckId[] = ['decompress', 'sameAs', 'basicWalkUp'];
const GTIN = pickDemoProducts(generateProducts())[0]!.gtin;

const RUNS: { name: string; path: () => string; mode: RunMode; passes: CheckId[] }[] = [
  { name: 'a GLN', path: () => `/414/${FIRST_GLN}`, mode: 'resolvable', passes: ALL_RESOLVABLE },
  {
    name: 'a GLN with an AI 254 extension',
    path: () => `/414/${FIRST_GLN}/254/E1`,
    mode: 'resolvable',
    passes: ALL_RESOLVABLE,
  },
  {
    name: 'an unknown GLN',
    path: () => '/414/9520123456788',
    mode: 'unknown',
    passes: [
      'rdFile',
      'rdContext',
      'corsCheck',
      'methodsCheck',
      'methodsReadOnly',
      'httpVersion',
      'headCheck',
      'trailingSlash',
      'validDL',
      'reportWith400',
      'noErrorWith200',
      'decompress',
      'sameAs',
      'notFoundIs404',
      'linksetNotFound',
    ],
  },
  {
    name: 'a GTIN (AI 01)',
    path: () => `/01/${GTIN}`,
    mode: 'resolvable',
    passes: ALL_RESOLVABLE.filter((id) => !PLATE_ONLY.includes(id)),
  },
  {
    name: 'a GTIN with a batch (AI 10)',
    path: () => `/01/${GTIN}/10/L2407A`,
    mode: 'resolvable',
    passes: ALL_RESOLVABLE.filter((id) => !PLATE_ONLY.includes(id)),
  },
  {
    name: 'a malformed URI (wrong GLN check digit)',
    path: () => '/414/6260000000018',
    mode: 'malformed',
    passes: [
      'rdFile',
      'rdContext',
      'corsCheck',
      'methodsCheck',
      'methodsReadOnly',
      'httpVersion',
      'headCheck',
      'trailingSlash',
      'reportWith400',
      'noErrorWith200',
    ],
  },
];

/**
 * Warnings that are right for this server: the test server speaks plain HTTP on 127.0.0.1 (TLS is
 * the reverse proxy's or the HTTPS option's, run in resolver-tls.test.ts); linkType=all still
 * answers, as the deprecated form should; a malformed URI is, by definition, not a Digital Link.
 */
const EXPECTED_WARNINGS: Record<RunMode, CheckId[]> = {
  resolvable: ['isHttps', 'ltAllNoRedirect'],
  unknown: ['isHttps'],
  malformed: ['isHttps', 'validDL'],
};

for (const run of RUNS) {
  describe(`GS1 resolver conformance run on ${run.name}`, () => {
    let result: { mode: RunMode; checks: Check[] };
    beforeAll(async () => {
      result = await runConformance(h.url + run.path());
    });

    it(`is run as a ${run.mode} URI, with nothing failing and only the expected warnings`, () => {
      expect(result.mode).toBe(run.mode);
      const failed = result.checks.filter((c) => c.status === 'fail');
      expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
      expect(result.checks.filter((c) => c.status === 'warn').map((c) => c.id)).toEqual(
        EXPECTED_WARNINGS[run.mode],
      );
    });

    for (const id of run.passes) {
      it(`${id}: "${CLAUSES[id]}"`, () => {
        const check = result.checks.find((c) => c.id === id);
        expect(check, `${id} was not run`).toBeDefined();
        expect(check!.status, check!.msg).toBe('pass');
      });
    }
  });
}
