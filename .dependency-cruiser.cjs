/**
 * Architecture rules (ports and adapters), checked by `npm run boundaries` in CI:
 * imports point inward only. See docs/architecture.md.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-framework-free',
      comment: 'packages/core depends on zod and its own files only (its testing/ folder may also use vitest and fast-check).',
      severity: 'error',
      from: { path: '^packages/core/src/', pathNot: ['^packages/core/src/testing/', '\\.test\\.ts$'] },
      to: { pathNot: ['^packages/core/src/', '^node_modules/zod/', 'node_modules/zod/'] },
    },
    {
      name: 'core-testing-limited',
      severity: 'error',
      from: { path: ['^packages/core/src/testing/', '^packages/core/src/.+\\.test\\.ts$'] },
      to: { pathNot: ['^packages/core/src/', 'node_modules/(zod|vitest|@vitest|fast-check)/'] },
    },
    {
      name: 'production-code-does-not-use-fakes',
      comment: 'Fakes and contract suites are for tests: no runtime code may depend on @hexcast/core/testing.',
      severity: 'error',
      from: { path: '^(packages|apps)/', pathNot: ['\\.test\\.ts$', '/test-[^/]+\\.ts$', '/test/', '^packages/core/src/testing/'] },
      to: { path: '^packages/core/src/testing/' },
    },
    {
      name: 'adapters-do-not-import-each-other',
      comment: 'An adapter package may import core, never another adapter package (only apps/server wires them together).',
      severity: 'error',
      from: { path: '^packages/(adapters-[^/]+)/', pathNot: ['\\.test\\.ts$', '^packages/[^/]+/test/'] },
      to: { path: '^packages/adapters-[^/]+/', pathNot: '^packages/$1/' },
    },
    {
      name: 'adapters-do-not-import-apps',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'inversify-only-in-the-composition-root',
      severity: 'error',
      from: { pathNot: '^apps/server/src/container/' },
      to: { path: 'node_modules/(inversify|@inversifyjs)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(packages|apps)/[^/]+/(dist|drizzle)/' },
    tsPreCompilationDeps: true,
    preserveSymlinks: false,
    combinedDependencies: false,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'], extensions: ['.ts', '.js'] },

    reporterOptions: { text: { highlightFocused: true } },
  },
};
