export * from './file-system-video-storage.ts';
