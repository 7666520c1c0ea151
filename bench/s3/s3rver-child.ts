/**
 * s3rver in its own process for bench/s3, so the bucket's work does not share the event loop
 * being measured. Prints `{"endpoint","bucket"}` as one JSON line once listening; stops on SIGTERM.
 */
import { startLocalS3 } from '@hexcast/adapters-s3/testing';

const s3 = await startLocalS3();
process.stdout.write(`${JSON.stringify({ endpoint: s3.endpoint, bucket: s3.bucket })}\n`);
process.once('SIGTERM', () => {
  void s3.dispose().then(() => process.exit(0));
});
