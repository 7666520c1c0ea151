// "@hexcast/adapters-http/testing": test data shared with the server's own tests.
export * from './testing/admin-config-cases.ts';
