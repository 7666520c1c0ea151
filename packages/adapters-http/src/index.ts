export * from './api.ts';
export * from './http-app.ts';
export * from './errors.ts';
export * from './json-body.ts';
export { adminAuth, ADMIN_USERNAME } from './admin-auth.ts';
export { VALUE_SETTERS } from './routes/admin-config.ts';
export * from './client-identity.ts';
