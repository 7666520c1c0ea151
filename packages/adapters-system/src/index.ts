export * from './bcrypt-password-hasher.ts';
export * from './pino-logger.ts';
export * from './markdown-renderer.ts';
export * from './markdown-chat-renderer.ts';
export * from './sharp-image-resizer.ts';
