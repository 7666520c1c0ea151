// "@hexcast/core/testing": in-memory fakes of every port and the contract suites each adapter runs.

// Fakes
export * from './in-memory-settings-repository.ts';
export * from './in-memory-user-repository.ts';
export * from './in-memory-chat-message-repository.ts';
export * from './in-memory-ip-ban-repository.ts';
export * from './in-memory-webhook-repository.ts';
export * from './in-memory-access-token-repository.ts';
export * from './in-memory-notification-repository.ts';
export * from './in-memory-follower-repository.ts';
export * from './in-memory-federated-activity-repository.ts';
export * from './in-memory-stats-repository.ts';
export * from './in-memory-video-storage.ts';
export * from './in-memory-repositories.ts';
export * from './fake-clock.ts';
export * from './memory-logger.ts';
export * from './fake-password-hasher.ts';
export * from './plain-text-renderer.ts';
export * from './fake-transcoder.ts';
export * from './fake-ingest-server.ts';
export * from './in-memory-geoip-lookup.ts';
export * from './in-memory-notifier.ts';
export * from './fake-auth-provider.ts';
// Contract suites
export * from './settings-repository.contract.ts';
export * from './user-repository.contract.ts';
export * from './chat-message-repository.contract.ts';
export * from './ip-ban-repository.contract.ts';
export * from './webhook-repository.contract.ts';
export * from './access-token-repository.contract.ts';
export * from './notification-repository.contract.ts';
export * from './follower-repository.contract.ts';
export * from './federated-activity-repository.contract.ts';
export * from './stats-repository.contract.ts';
export * from './video-storage.contract.ts';
export * from './password-hasher.contract.ts';
export * from './content-renderer.contract.ts';
export * from './clock.contract.ts';
export * from './logger.contract.ts';
export * from './geoip-lookup.contract.ts';
export * from './notifier.contract.ts';
export * from './auth-provider.contract.ts';
export * from './ingest-server.contract.ts';
export * from './transcoder.contract.ts';
