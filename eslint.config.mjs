import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'bench/**', 'coverage/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
      // SQLite plans a LIMIT or OFFSET with the number bound to it, so a bare parameter there
      // makes it prepare the statement again on every run: 10-50 µs a query. `LIMIT +?` binds
      // the same number without that.
      'no-restricted-syntax': [
        'error',
        ...['Literal[value', 'TemplateElement[value.raw'].map((node) => ({
          selector: `${node}=/\\b(LIMIT|OFFSET)\\s+[?@:$]/i]`,
          message: 'Bind a LIMIT or OFFSET as +? (or +@name): a bare parameter re-prepares the statement on every run.',
        })),
      ],
    },
  },
  {
    // The domain is data and functions: no framework, no I/O.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'better-sqlite3', '@eventstore/*', 'node:fs', 'fs', 'node:http', '@casetrail/event-store', '@casetrail/projections'] },
      ],
    },
  },
);
