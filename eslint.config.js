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
  // Layering (which folder may import which, no cycles) is checked by dependency-cruiser:
  // .dependency-cruiser.mjs, run by `npm run lint` after ESLint.
  // The CLI runs bundled (dist/bundle/, scripts/build-cli.ts): a file named relative to its own
  // module would be looked for in the wrong folder. Name it from the package folder (src/root.ts).
  {
    files: ['src/**/*.ts'],
    ignores: ['src/root.ts', 'src/report/html/script.ts', 'src/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.type='MetaProperty'][property.name=/^(url|dirname|filename)$/]", message: 'The CLI runs bundled: name files with packageFile() from src/root.ts, not relative to import.meta.' }],
    },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
