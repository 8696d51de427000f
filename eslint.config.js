// Lint rules for the whole project (flat config).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: '请使用具名导出 (no default exports).' },
        {
          // The machine's clock is not the institution's: a laptop set to UTC would show 02:00 for 10:00 Beijing time.
          selector: "CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/][callee.object.type='NewExpression'][callee.object.callee.name='Date']",
          message: '时间请按规则方案的时区显示：instantText (shared/domain/time-zone), not the machine clock.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // shared/ is pure TypeScript for both sides and Node tools: no DOM, no Node APIs, no UI or
    // database libraries. (tsconfig.shared.json checks the types; this catches what pdfmake's
    // type files would let through, since they pull the DOM lib in.)
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'XMLHttpRequest', 'Blob', 'File', 'FileReader', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map(
          (name) => ({ name, message: 'shared/ 不得使用 DOM 或 Node 的接口 (no DOM or Node APIs in shared/).' }),
        ),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'electron', 'react', 'react-dom', 'dexie', 'dexie-react-hooks', 'antd', 'zustand'], message: 'shared/ 只放纯 TypeScript (pure TypeScript only).' },
          ],
        },
      ],
    },
  },
  {
    // Config files of tools that require a default export.
    files: ['*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
