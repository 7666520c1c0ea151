import { execa } from 'execa';

export interface ProbedStream {
  readonly codec_type: string;
  readonly codec_name: string;
  readonly width?: number;
  readonly height?: number;
  readonly pix_fmt?: string;
  readonly sample_rate?: string;
  readonly channels?: number;
}

/**
 * What ffprobe finds in media bytes, or in a file: its streams and duration in seconds. From a
 * pipe, ffprobe cannot tell an MPEG-TS duration (it needs to seek): NaN then.
 */
export async function ffprobe(media: Uint8Array | string): Promise<{ streams: ProbedStream[]; duration: number }> {
  const args = ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', typeof media === 'string' ? media : 'pipe:0'];
  const { stdout } = await execa('ffprobe', args, typeof media === 'string' ? {} : { input: media });
  const parsed = JSON.parse(stdout) as { streams: ProbedStream[]; format: { duration?: string } };
  return { streams: parsed.streams, duration: Number(parsed.format.duration ?? Number.NaN) };
}
