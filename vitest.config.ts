import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they test (lib/**/x.test.ts). Integration tests
// (tests/integration) run twice: on an in-memory PGlite and on a throwaway PostgreSQL 15
// cluster that tests/integration/postgres-global-setup.ts starts and stops.
const alias = { '@': path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'pglite',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          env: { HIREWATCH_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'postgres',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // PostgreSQL mode requires AUTH_SECRET (sessions, sealed TOTP and webhook secrets).
          env: { HIREWATCH_TEST_DB: 'postgres', AUTH_SECRET: 'integration-test-auth-secret-0123456789' },
          globalSetup: ['tests/integration/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
