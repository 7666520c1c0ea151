import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteChatMessageRepository, SqliteSettingsRepository } from '../src/index.ts';
import { createTempDatabases } from './temp-databases.ts';

const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));

describe('durability against a killed process', () => {
  let temp: ReturnType<typeof createTempDatabases>;
  beforeEach(() => {
    temp = createTempDatabases();
  });
  afterEach(() => temp.cleanup());

  it('keeps writes that resolved before SIGKILL', async () => {
    const path = temp.path();
    // process.execPath is the Node 24 running vitest, which strips the writer's types natively.
    const child = spawn(process.execPath, [WRITER, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit');
    await new Promise<void>((resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('ACK')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`writer exited (${code}) before ACK: ${stderr}`)));
    });
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');
    // Nothing checkpointed at a clean close: the commits are only in the WAL, recovered on open.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);

    const { db } = temp.open(path);
    expect((await new SqliteSettingsRepository(db).read('serverInfo'))?.name).toBe('Written before the crash');
    expect((await new SqliteChatMessageRepository(db).getById('crash-1'))?.rawBody).toBe('still here?');
  });
});
