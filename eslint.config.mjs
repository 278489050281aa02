// Lint and layering. The layering rules are the point: `shared/` stays pure (no Electron,
// Dexie, React, DOM or Node), and `renderer/`, `electron/` and `server/` never import each other;
// they meet only in `shared/`. `tests/unit/lint/layering.test.ts` shows each rule bites.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const impureModules = [
  'electron',
  'dexie',
  'dexie-react-hooks',
  'react',
  'react-dom',
  'react-router',
  'antd',
  'zustand',
  'fastify',
  'pg',
  '@electric-sql/pglite',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'child_process',
  'worker_threads',
];

/** Import patterns that reach into another top-level layer. */
const layer = (name) => [`${name}/*`, `**/${name}/*`, `../${name}`, `../../${name}`, `../../../${name}`];

const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'location',
  'history',
  'crypto',
  'process',
  'Buffer',
  'require',
  '__dirname',
].map((name) => ({ name, message: 'shared/ must stay pure: take what you need as a parameter.' }));

export default tseslint.config(
  {
    ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'server-data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: impureModules, message: 'shared/ must stay pure: no I/O, UI or platform modules.' },
            { group: ['node:*'], message: 'shared/ must stay pure: no Node built-ins.' },
            { group: ['dexie-*', '@electron/*', 'react-*', '@ant-design/*'], message: 'shared/ must stay pure.' },
            { group: [...layer('renderer'), ...layer('electron'), ...layer('server')], message: 'shared/ imports nothing from the app layers.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...layer('electron'), ...layer('server')], message: 'renderer/ talks to the shell only through the bridge contract in shared/ipc.' },
            { group: ['electron', 'node:*', 'fs', 'path', 'child_process'], message: 'renderer/ runs sandboxed: no Electron or Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...layer('renderer'), ...layer('server')], message: 'electron/ meets the other layers only in shared/.' }] },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...layer('renderer'), ...layer('electron')], message: 'server/ meets the other layers only in shared/.' },
            { group: ['electron', 'dexie', 'react'], message: 'server/ has no UI or client database.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx,mjs}', 'scripts/**/*.mjs', '*.config.{ts,mts,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
