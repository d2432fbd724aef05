// Flat ESLint config: typescript-eslint type-checked rules and the Office add-in rules on .ts AND .tsx
// (office-addin-lint's own config silently skips .tsx — ENVIRONMENT.md), layer boundaries as
// no-restricted-imports, prettier compatibility (formatting itself is checked by `prettier --check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import prettierConfig from 'eslint-config-prettier';

const officeRules = {
  'office-addins/call-sync-after-load': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/load-object-before-read': 'error',
  'office-addins/no-context-sync-in-loop': 'error',
  'office-addins/no-empty-load': 'error',
  'office-addins/no-navigational-load': 'error',
  'office-addins/no-office-initialize': 'error',
  'office-addins/test-for-null-using-isNullObject': 'error',
};

/** Imports a layer may not use (ARCHITECTURE.md §4); the architecture test checks the same table. */
const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'zlib', 'url'],
  message: 'Node built-ins are not allowed in this layer.',
};
const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'seeds/**/*.xlsx'],
  },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        ecmaFeatures: { jsx: true },
      },
    },
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeRules,
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['exceljs', 'react', 'react-dom', '@fluentui/react-components', 'office-js'],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/excel/**', '**/xlsx/**', '**/cli/**', '**/taskpane/**', '**/commands/**'],
              message: 'src/core depends on nothing but itself.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Excel', 'Office', 'console'],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts', 'src/excel/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        nodeBuiltins,
        { group: ['exceljs', '**/xlsx/**', '**/cli/**'], message: 'The add-in never loads the Node side.' },
      ]),
    },
  },
  {
    files: ['src/xlsx/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['react', 'react-dom', '@fluentui/*', '**/excel/**', '**/taskpane/**', '**/commands/**'],
          message: 'The Node side never loads the add-in.',
        },
      ]),
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  prettierConfig,
);
