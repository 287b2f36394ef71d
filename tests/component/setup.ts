import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { initI18n } from '../../src/i18n/setup.ts';

await initI18n('fa');
afterEach(() => cleanup());
