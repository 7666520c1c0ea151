export { NodeMediaServerIngest, type NodeMediaServerIngestOptions } from './node-media-server-ingest.ts';
export { DEFAULT_INGEST_LIMITS, type IngestLimits } from './ingest-limits.ts';
