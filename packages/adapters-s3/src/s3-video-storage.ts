import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, type ObjectCannedACL } from '@aws-sdk/client-s3';
import { isSafeStorageKey, type VideoStorage } from '@hexcast/core';
import { cacheControlFor, objectUrl, storagePrefix } from './object-keys.ts';

/** How to reach the bucket: the `storage.s3` settings plus the serving endpoint. */
export interface S3VideoStorageOptions {
  /** e.g. `https://s3.eu-central-1.amazonaws.com` or `http://127.0.0.1:4568`; '' means AWS itself. */
  readonly endpoint: string;
  /** '' means `us-east-1` (what most S3-compatible services accept). */
  readonly region: string;
  readonly bucket: string;
  /** '' with an empty secret: credentials come from the SDK's default chain (environment, instance role). */
  readonly accessKey: string;
  readonly secret: string;
  /** A canned ACL given to every object (`public-read`, …); '' sends none (the bucket policy decides). */
  readonly acl?: string;
  /** Objects go under `<pathPrefix>/`; '' puts them at the bucket's root. */
  readonly pathPrefix?: string;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint host>/<key>` (MinIO, s3rver, many others). */
  readonly forcePathStyle?: boolean;
  /** A CDN (or other) base URL viewers fetch objects from instead of the bucket URL. */
  readonly servingEndpoint?: string;
  /** How long one request may take before it counts as failed (default 10 s; connecting: a third of it). */
  readonly requestTimeoutMs?: number;
  /** Attempts per request made by the SDK itself, with its backoff, for network errors and 5xx (default 3). */
  readonly maxAttempts?: number;
}

/** Settings the constructor refuses, with a message an admin can act on. */
export class S3ConfigurationError extends Error {
  override readonly name = 'S3ConfigurationError';
}

/**
 * `VideoStorage` in an S3-compatible bucket. Objects carry their content type and a
 * Cache-Control fit for a CDN (playlists `no-cache`, segments immutable); `publicUrl` points at
 * the serving endpoint when one is set, else at the bucket. The secret lives only in the SDK
 * client's credentials: nothing here logs or prints it.
 *
 * Failed requests throw (after the SDK's own retries): callers decide whether to try again.
 */
export class S3VideoStorage implements VideoStorage {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;
  readonly #acl: ObjectCannedACL | undefined;
  readonly #publicBase: string;

  constructor(options: S3VideoStorageOptions) {
    if (options.bucket.trim() === '') throw new S3ConfigurationError('S3 storage needs a bucket name');
    const endpoint = options.endpoint.trim().replace(/\/+$/, '');
    if (endpoint !== '' && !/^https?:\/\/[^/\s]+/i.test(endpoint)) throw new S3ConfigurationError(`the S3 endpoint must be an http(s) URL, got ${JSON.stringify(endpoint)}`);
    const region = options.region.trim() || 'us-east-1';
    const timeout = options.requestTimeoutMs ?? 10_000;
    this.#bucket = options.bucket.trim();
    this.#prefix = storagePrefix(options.pathPrefix ?? '');
    this.#acl = options.acl?.trim() ? (options.acl.trim() as ObjectCannedACL) : undefined;
    this.#publicBase = objectUrl({ endpoint, region, bucket: this.#bucket, forcePathStyle: options.forcePathStyle ?? false, servingEndpoint: options.servingEndpoint ?? '' });
    this.#client = new S3Client({
      region,
      ...(endpoint !== '' ? { endpoint } : {}),
      forcePathStyle: options.forcePathStyle ?? false,
      ...(options.accessKey !== '' || options.secret !== '' ? { credentials: { accessKeyId: options.accessKey, secretAccessKey: options.secret } } : {}),
      // Many S3-compatible services store aws-chunked framing inside the object otherwise.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: options.maxAttempts ?? 3,
      requestHandler: { requestTimeout: timeout, connectionTimeout: Math.ceil(timeout / 3) },
    });
  }

  /** @throws for unsafe keys, and when the bucket refuses or cannot be reached. */
  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    if (!isSafeStorageKey(key)) throw new Error(`refusing to store ${JSON.stringify(key)}: not a safe storage key`);
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.#bucket,
        Key: this.#prefix + key,
        // Sent as is, not copied (a copy per segment cost the bench/s3 tail ~50 ms of garbage
        // collection): the bytes must not change until this resolves. Nothing is kept after.
        Body: body,
        ContentLength: body.byteLength,
        ContentType: contentType,
        CacheControl: cacheControlFor(key),
        ...(this.#acl !== undefined ? { ACL: this.#acl } : {}),
      }),
    );
  }

  /** `undefined` for missing objects and unsafe keys. */
  async get(key: string): Promise<{ body: Uint8Array; contentType: string } | undefined> {
    if (!isSafeStorageKey(key)) return undefined;
    try {
      const object = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: this.#prefix + key }));
      const body = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      return { body, contentType: object.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** One request per 1,000 keys; missing and unsafe keys are ignored. */
  async delete(keys: readonly string[]): Promise<void> {
    const unique = [...new Set(keys)].filter(isSafeStorageKey);
    for (let start = 0; start < unique.length; start += 1000) {
      const batch = unique.slice(start, start + 1000);
      const result = await this.#client.send(new DeleteObjectsCommand({ Bucket: this.#bucket, Delete: { Objects: batch.map((key) => ({ Key: this.#prefix + key })), Quiet: true } }));
      const failed = (result.Errors ?? []).filter((e) => e.Code !== 'NoSuchKey');
      if (failed.length > 0) throw new Error(`could not delete ${failed.length} of ${batch.length} objects: ${failed[0]?.Code ?? ''} ${failed[0]?.Message ?? ''}`.trim());
    }
  }

  /** Keys under the path prefix starting with `prefix`, sorted as the contract asks. */
  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.#client.send(new ListObjectsV2Command({ Bucket: this.#bucket, Prefix: this.#prefix + prefix, ...(token !== undefined ? { ContinuationToken: token } : {}) }));
      for (const object of page.Contents ?? []) if (object.Key?.startsWith(this.#prefix)) keys.push(object.Key.slice(this.#prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return keys.sort();
  }

  /** `<serving endpoint or bucket URL>/<path prefix>/<key>`, each part URL-encoded. */
  publicUrl(key: string): string {
    return `${this.#publicBase}/${(this.#prefix + key).split('/').map(encodeURIComponent).join('/')}`;
  }

  /** Closes the client's idle connections; the storage is unusable afterwards. */
  close(): void {
    this.#client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}
