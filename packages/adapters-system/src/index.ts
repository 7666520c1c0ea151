export * from './bcrypt-password-hasher.ts';
export * from './pino-logger.ts';
export * from './markdown-renderer.ts';
export * from './markdown-chat-renderer.ts';
export * from './sharp-image-resizer.ts';
export * from './log-ring.ts';
export * from './node-system-metrics.ts';
