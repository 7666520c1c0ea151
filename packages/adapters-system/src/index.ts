export * from './bcrypt-password-hasher.ts';
export * from './pino-logger.ts';
export * from './markdown-renderer.ts';
