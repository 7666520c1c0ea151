import { spawn, type ChildProcess } from 'node:child_process';

/** A running `ffmpeg` broadcasting a test pattern (640x360, 30 fps, H.264 + AAC) over RTMP. */
export interface FfmpegPublisher {
  /** Exit code; -1 when killed by a signal. */
  readonly exited: Promise<number>;
  /** When it exited (performance.now()), once it has. */
  readonly exitedAt: () => number | undefined;
  readonly stderr: () => string;
  /** Stops broadcasting as a streamer does (SIGINT): ffmpeg ends the FLV and the RTMP session cleanly. */
  readonly leave: () => void;
}

const children = new Set<ChildProcess>();

/** Starts `ffmpeg -re … -t <seconds> -f flv <url>` as the task describes a real broadcaster. */
export function publishTestPattern(url: string, seconds: number): FfmpegPublisher {
  const args = [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-re',
    '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-f', 'lavfi', '-i', 'sine=frequency=440',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '30', '-c:a', 'aac',
    '-t', String(seconds), '-f', 'flv', url,
  ];
  const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let stderr = '';
  let exitedAt: number | undefined;
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      exitedAt = performance.now();
      children.delete(child);
      resolve(code ?? -1);
    });
  });
  return { exited, exitedAt: () => exitedAt, stderr: () => stderr, leave: () => void child.kill('SIGINT') };
}

/** Kills any publisher a failed test left behind. */
export function killPublishers(): void {
  for (const child of children) child.kill('SIGKILL');
}
