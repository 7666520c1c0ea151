export * from './file-system-video-storage.ts';
export * from './file-system-emoji-store.ts';
export * from './file-system-asset-store.ts';
