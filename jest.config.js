// Three projects told apart by file suffix (see ../shared/style.md):
// *.spec.ts unit, *.int-spec.ts real SQLite or a real server, *.e2e-spec.ts through HTTP.
// Type-checking is `npm run typecheck`'s job; tests only transpile, file by file, for speed.
const typescript = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }];
const moduleNameMapper = {
  '^@casetrail/(domain|event-store|projections|settings|identity)$': '<rootDir>/libs/$1/src',
  '^@casetrail/(domain|event-store|projections|settings|identity)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const project = (displayName, suffix, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': typescript },
  moduleNameMapper,
  testMatch: [`<rootDir>/{apps,libs,test}/**/*.${suffix}.ts`],
  ...extra,
});

module.exports = {
  projects: [
    project('unit', 'spec'),
    project('integration', 'int-spec', { setupFilesAfterEnv: ['<rootDir>/test/support/jest/integration-timeout.ts'] }),
    project('e2e', 'e2e-spec', { setupFilesAfterEnv: ['<rootDir>/test/support/jest/e2e-timeout.ts'] }),
  ],
};
