import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { initI18n } from '../../src/i18n/setup.ts';

await initI18n('fa');
// Components are rendered without their page, so register every feature's strings up front.
import.meta.glob('../../src/features/*/locale.ts', { eager: true });
afterEach(() => cleanup());
