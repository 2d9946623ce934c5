import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Data flows one way (STYLE.md): checks, the engine and reporters never reach back to AWS.
    files: ['src/checks/**', 'src/engine/**', 'src/report/**', 'src/evidence/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/collect/**'], message: 'Only the CLI may start collectors (STYLE.md: data flows one way).' }] }],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
