import { type CommonError, err, ok, type Result } from '../domain/result.ts';
import type { VideoSettings } from '../domain/settings.ts';
import type { VideoCodec } from '../domain/video.ts';
import type { Transcoder } from '../ports/transcoder.ts';

/** The encoders usable with the ffmpeg at `path`; `invalid-input` when it cannot be run. */
export async function usableCodecs(transcoder: Transcoder, path: string): Promise<Result<VideoCodec[], CommonError>> {
  try {
    return ok(await transcoder.supportedCodecs(path));
  } catch {
    return err({ kind: 'invalid-input', message: `ffmpeg could not be run at ${path === '' ? 'the PATH' : JSON.stringify(path)}` });
  }
}

/**
 * The checks of a video settings patch the schema cannot make: a new ffmpeg path must run, and
 * a codec must be one that ffmpeg (the new one, else `currentPath`) can use.
 */
export async function checkVideoPatch(transcoder: Transcoder | undefined, currentPath: string, patch: Partial<VideoSettings>): Promise<Result<void, CommonError>> {
  const newPath = typeof patch.ffmpegPath === 'string' ? patch.ffmpegPath : undefined;
  const codec = typeof patch.codec === 'string' ? patch.codec : undefined;
  if (transcoder === undefined || (newPath === undefined && codec === undefined)) return ok(undefined);
  const available = await usableCodecs(transcoder, newPath ?? currentPath);
  if (!available.ok) return available;
  if (codec !== undefined && !available.value.includes(codec)) {
    return err({ kind: 'invalid-input', message: `the video codec ${codec} is not available with this ffmpeg (available: ${available.value.join(', ') || 'none'})` });
  }
  return ok(undefined);
}
