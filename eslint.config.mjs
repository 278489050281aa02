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

/** The renderer's own boundaries (every renderer file). */
const rendererPatterns = [
  { group: [...layer('electron'), ...layer('server')], message: 'renderer/ talks to the shell only through the bridge contract in shared/ipc.' },
  { group: ['electron', 'node:*', 'fs', 'path', 'child_process'], message: 'renderer/ runs sandboxed: no Electron or Node modules.' },
];

/** The app shell and pages compose features; nothing below them imports them. */
const noShell = [
  { regex: String.raw`(^|/)(pages|layout)/`, message: 'Pages and the app shell compose features; features and infrastructure never import them.' },
  { regex: String.raw`(^|/)App$`, message: 'Only main.tsx imports the app.' },
];

/** A feature's screen (a PascalCase module) belongs to its feature; another feature imports its commands or queries. */
const siblingScreens = {
  regex: String.raw`^\.\./[a-z-]+/(.*/)?[A-Z][A-Za-z]*$`,
  caseSensitive: true,
  message: "A feature does not import another feature's screen: compose them in a page, or share a lower-case module (commands, queries).",
};

/** Widgets in components/ may call a feature's commands, never render its screens. */
const featureScreens = {
  regex: String.raw`(^|/)features/[a-z-]+/(.*/)?[A-Z][A-Za-z]*$`,
  caseSensitive: true,
  message: "components/ holds widgets: it may call a feature's commands, never import its screens.",
};

/** Infrastructure (db, sync, documents …) sits below the features: types only. */
const infraToFeatures = {
  regex: String.raw`(^|/)features/`,
  allowTypeImports: true,
  message: 'Infrastructure sits below the features: it may name their types, never import their code.',
};

/** Only packs know a program: a program id written anywhere else (tests aside) is a screen deciding for a pack. */
const PROGRAM_IDS = ['xj-isi-pm', 'xj-isi-spm', 'xj-si-annual', 'zj-it-senior', 'rk-registration', 'iets'];
const programIdPattern = `/^(${PROGRAM_IDS.join('|')})$/`;
const programIdLiterals = [
  { selector: `Literal[value=${programIdPattern}]`, message: 'Only packs know a program: read what to offer from the pack (shared/programs), never a program id.' },
  { selector: `TemplateElement[value.raw=${programIdPattern}]`, message: 'Only packs know a program: read what to offer from the pack (shared/programs), never a program id.' },
];

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
      'no-restricted-imports': ['error', { patterns: rendererPatterns }],
      'no-restricted-syntax': ['error', ...programIdLiterals],
    },
  },
  // Inside the renderer, as VS Code's code-import-patterns: pages (and the app shell) compose
  // features; features use the infrastructure (db, sync, documents, i18n …); nothing imports
  // upwards, and a feature's screen never imports another feature's screen (PascalCase module).
  {
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererPatterns, ...noShell, siblingScreens] }],
    },
  },
  {
    files: ['renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererPatterns, ...noShell, featureScreens] }],
    },
  },
  {
    files: ['renderer/src/{db,sync,platform,i18n,stores,auth,backup,documents}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...rendererPatterns, ...noShell, infraToFeatures] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'server/**/*.ts', 'shared/**/*.ts'],
    ignores: ['shared/programs/**'],
    rules: { 'no-restricted-syntax': ['error', ...programIdLiterals] },
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
