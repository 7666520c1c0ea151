export * from './s3-video-storage.ts';
