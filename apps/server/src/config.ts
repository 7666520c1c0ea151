import { Command, CommanderError, Option } from 'commander';
import path from 'node:path';
import { z } from 'zod';
import { zodIssues } from '@hexcast/core';
import { DEFAULT_TRUSTED_PROXIES, parseTrustedProxies, type TrustedProxies } from '@hexcast/adapters-http';

/** Start-up configuration: CLI flags over `HEXCAST_*` environment variables over defaults. */
export interface ServerConfig {
  /** undefined: use the stored setting (default 8080) */
  readonly webServerPort: number | undefined;
  readonly webServerIp: string | undefined;
  readonly rtmpPort: number | undefined;
  readonly dataDir: string;
  readonly database: string;
  readonly logDir: string;
  /** temporary stream key accepted instead of the stored ones */
  readonly streamKey: string | undefined;
  /** stored as the admin password at start */
  readonly adminPassword: string | undefined;
  readonly ffmpegPath: string | undefined;
  readonly verbose: boolean;
  /** peers whose X-Forwarded-For/-Proto are believed (ADR 13) */
  readonly trustedProxies: TrustedProxies;
  /**
   * Test-only (`HEXCAST_VIDEO_CLEANUP_DELAY_MS`, no flag): how long an ended stream's video stays
   * before it is removed, instead of five minutes.
   */
  readonly videoCleanupDelayMs?: number;
}

export type ConfigOutcome = { kind: 'config'; config: ServerConfig } | { kind: 'help'; text: string } | { kind: 'error'; message: string };

interface FlagSpec {
  readonly flag: string;
  readonly env: string;
  readonly description: string;
  readonly value?: string;
}

/** Every flag, its environment variable and help text (also rendered into the README). */
export const FLAGS: readonly FlagSpec[] = [
  { flag: 'webserverport', env: 'HEXCAST_WEBSERVERPORT', value: '<port>', description: 'HTTP port for the web app, API and video (default: stored setting, 8080)' },
  { flag: 'webserverip', env: 'HEXCAST_WEBSERVERIP', value: '<address>', description: 'address the HTTP server binds (default: stored setting, 0.0.0.0)' },
  { flag: 'rtmpport', env: 'HEXCAST_RTMPPORT', value: '<port>', description: 'RTMP port broadcasters publish to (default: stored setting, 1935)' },
  { flag: 'datadir', env: 'HEXCAST_DATADIR', value: '<dir>', description: 'where the database, logs and video live (default: ./data)' },
  { flag: 'database', env: 'HEXCAST_DATABASE', value: '<file>', description: 'SQLite database file (default: <datadir>/hexcast.db)' },
  { flag: 'logdir', env: 'HEXCAST_LOGDIR', value: '<dir>', description: 'directory for log files (default: <datadir>/logs)' },
  { flag: 'streamkey', env: 'HEXCAST_STREAMKEY', value: '<key>', description: 'temporary stream key, accepted instead of the stored keys until restart' },
  { flag: 'adminpassword', env: 'HEXCAST_ADMINPASSWORD', value: '<password>', description: 'set the admin password (stored, replaces the current one)' },
  { flag: 'ffmpegpath', env: 'HEXCAST_FFMPEGPATH', value: '<path>', description: 'ffmpeg binary to use (default: stored setting, else ffmpeg on the PATH)' },
  { flag: 'trustedproxies', env: 'HEXCAST_TRUSTEDPROXIES', value: '<list>', description: `whose X-Forwarded-For and X-Forwarded-Proto to believe: comma-separated addresses, CIDR ranges, loopback, linklocal, uniquelocal; or all, or none (default: ${DEFAULT_TRUSTED_PROXIES.join(',')})` },
  { flag: 'enableVerboseLogging', env: 'HEXCAST_VERBOSE', description: 'log at debug level' },
];

const port = z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1-65535').max(65_535, 'must be 1-65535');
const nonEmpty = z.string().trim().min(1, 'must not be empty');
const boolish = z.union([z.boolean(), z.enum(['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off', ''])]).transform((v) => v === true || ['1', 'true', 'yes', 'on'].includes(String(v)));

const RawSchema = z.object({
  webserverport: port.optional(),
  webserverip: z.union([z.ipv4(), z.ipv6(), z.literal('localhost')], { error: 'must be an IP address' }).optional(),
  rtmpport: port.optional(),
  datadir: nonEmpty.default('./data'),
  database: nonEmpty.optional(),
  logdir: nonEmpty.optional(),
  streamkey: nonEmpty.regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, _ and -').optional(),
  adminpassword: nonEmpty.optional(),
  ffmpegpath: nonEmpty.optional(),
  trustedproxies: z.string().transform((text, ctx): TrustedProxies => {
    const parsed = parseTrustedProxies(text);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error.message });
    return z.NEVER;
  }).default(DEFAULT_TRUSTED_PROXIES),
  enableVerboseLogging: boolish.default(false),
});

/**
 * Parses argv (without node and script) and the environment. Owncast's single-dash spelling
 * (`-webserverport 8080`) is accepted as well as `--webserverport 8080` and `--webserverport=8080`.
 */
export function parseConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ConfigOutcome {
  const program = new Command('hexcast')
    .description('hexcast: self-hosted live video streaming and chat (Owncast-compatible)')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined })
    .allowExcessArguments(false)
    .helpOption('-h, --help', 'show this help');
  for (const spec of FLAGS) program.addOption(new Option(`--${spec.flag}${spec.value ? ` ${spec.value}` : ''}`, `${spec.description} [env ${spec.env}]`));
  try {
    program.parse(argv.map(owncastSpelling), { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && (error.code === 'commander.helpDisplayed' || error.code === 'commander.help')) return { kind: 'help', text: program.helpInformation() };
    if (error instanceof CommanderError) return { kind: 'error', message: `${error.message.replace(/^error: /, '')}\nRun with --help to see every flag.` };
    throw error;
  }
  const raw: Record<string, unknown> = {};
  for (const spec of FLAGS) {
    const fromFlag = program.getOptionValue(spec.flag) as unknown;
    const value = fromFlag ?? env[spec.env];
    if (value !== undefined) raw[spec.flag] = value;
  }
  const parsed = RawSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'error', message: parsed.error.issues.map((i) => describeIssue(i.path[0], zodIssues(new z.ZodError([i]))[0] ?? i.message)).join('\n') };
  const v = parsed.data;
  const dataDir = path.resolve(v.datadir);
  const cleanupDelay = z.coerce.number().int().min(0).max(3_600_000).optional().safeParse(env.HEXCAST_VIDEO_CLEANUP_DELAY_MS || undefined);
  if (!cleanupDelay.success) return { kind: 'error', message: 'invalid value for HEXCAST_VIDEO_CLEANUP_DELAY_MS: must be a whole number of milliseconds, 0-3600000' };
  return {
    kind: 'config',
    config: {
      webServerPort: v.webserverport,
      webServerIp: v.webserverip,
      rtmpPort: v.rtmpport,
      dataDir,
      database: path.resolve(dataDir, v.database ?? 'hexcast.db'),
      logDir: path.resolve(dataDir, v.logdir ?? 'logs'),
      streamKey: v.streamkey,
      adminPassword: v.adminpassword,
      ffmpegPath: v.ffmpegpath,
      verbose: v.enableVerboseLogging,
      trustedProxies: v.trustedproxies,
      ...(cleanupDelay.data !== undefined ? { videoCleanupDelayMs: cleanupDelay.data } : {}),
    },
  };
}

const LONG_NAMES = new Set([...FLAGS.map((f) => f.flag), 'help']);

function owncastSpelling(arg: string): string {
  const name = /^-([A-Za-z][A-Za-z]+)(=.*)?$/.exec(arg)?.[1];
  return name !== undefined && LONG_NAMES.has(name) ? `-${arg}` : arg;
}

function describeIssue(key: PropertyKey | undefined, message: string): string {
  const spec = FLAGS.find((f) => f.flag === key);
  const text = message.replace(/^[^:]+: /, '');
  return spec ? `invalid value for --${spec.flag} (or ${spec.env}): ${text}` : message;
}
