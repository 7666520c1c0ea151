import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, type ServerConfig } from './config.ts';

function config(argv: string[], env: Record<string, string> = {}): ServerConfig {
  const outcome = parseConfig(argv, env);
  if (outcome.kind !== 'config') throw new Error(`expected a config, got ${JSON.stringify(outcome)}`);
  return outcome.config;
}

describe('parseConfig', () => {
  it('uses the defaults: ./data, hexcast.db inside it, ports from stored settings', () => {
    const c = config([]);
    expect(c.dataDir).toBe(path.resolve('data'));
    expect(c.database).toBe(path.resolve('data', 'hexcast.db'));
    expect(c.logDir).toBe(path.resolve('data', 'logs'));
    expect(c.webServerPort).toBeUndefined();
    expect(c.rtmpPort).toBeUndefined();
    expect(c.verbose).toBe(false);
  });

  it('reads every flag, in --flag value, --flag=value and Owncast -flag value spellings', () => {
    const c = config(['--webserverport', '9000', '-rtmpport', '1940', '--datadir=/tmp/hx', '-database', 'x.db', '--streamkey', 'k_1', '-adminpassword', 'secret!', '--ffmpegpath', '/usr/bin/ffmpeg', '--logdir', 'l', '--webserverip', '127.0.0.1', '-enableVerboseLogging']);
    expect(c).toMatchObject({ webServerPort: 9000, rtmpPort: 1940, dataDir: '/tmp/hx', database: '/tmp/hx/x.db', streamKey: 'k_1', adminPassword: 'secret!', ffmpegPath: '/usr/bin/ffmpeg', logDir: '/tmp/hx/l', webServerIp: '127.0.0.1', verbose: true });
  });

  it('takes HEXCAST_* environment variables, with flags winning over them', () => {
    const c = config(['--rtmpport', '2000'], { HEXCAST_WEBSERVERPORT: '8123', HEXCAST_RTMPPORT: '1999', HEXCAST_VERBOSE: 'true', HEXCAST_DATADIR: '/srv/hexcast' });
    expect(c.webServerPort).toBe(8123);
    expect(c.rtmpPort).toBe(2000);
    expect(c.verbose).toBe(true);
    expect(c.dataDir).toBe('/srv/hexcast');
  });

  it.each([
    [['--webserverport', 'eighty'], /--webserverport.*number/],
    [['--webserverport', '70000'], /--webserverport.*1-65535/],
    [['--rtmpport', '0'], /--rtmpport.*1-65535/],
    [['--webserverip', 'not-an-ip'], /--webserverip.*IP address/],
    [['--streamkey', 'has space'], /--streamkey.*letters, digits/],
    [['--trustedproxies', 'loopback,proxy.example.com'], /--trustedproxies.*"proxy\.example\.com" is not an IP address/],
    [['--trustedproxies', '10.0.0.0/40'], /--trustedproxies.*"10\.0\.0\.0\/40"/],
    [['--trustedproxies', ''], /--trustedproxies.*empty entry/],
    [['--nosuchflag'], /unknown option '--nosuchflag'/],
    [['--webserverport'], /argument missing/],
    [['stray'], /too many arguments|unknown command|excess/i],
  ])('refuses %j with a clear message', (argv, message) => {
    const outcome = parseConfig(argv, {});
    expect(outcome.kind).toBe('error');
    expect(outcome.kind === 'error' && outcome.message).toMatch(message);
  });

  it('trusts loopback and private ranges as proxies unless told all, none or a list', () => {
    expect(config([]).trustedProxies).toEqual(['loopback', 'linklocal', 'uniquelocal']);
    expect(config(['--trustedproxies', 'all']).trustedProxies).toBe('all');
    expect(config(['-trustedproxies=none']).trustedProxies).toEqual([]);
    expect(config([], { HEXCAST_TRUSTEDPROXIES: '127.0.0.1, 2001:db8::/32' }).trustedProxies).toEqual(['127.0.0.1', '2001:db8::/32']);
    expect(config(['--trustedproxies', '10.1.0.0/16'], { HEXCAST_TRUSTEDPROXIES: 'all' }).trustedProxies).toEqual(['10.1.0.0/16']);
  });

  it('refuses a bad environment value naming the variable', () => {
    const outcome = parseConfig([], { HEXCAST_RTMPPORT: 'abc' });
    expect(outcome.kind === 'error' && outcome.message).toMatch(/HEXCAST_RTMPPORT/);
  });

  it('prints help listing every flag', () => {
    const outcome = parseConfig(['--help'], {});
    expect(outcome.kind).toBe('help');
    for (const flag of ['webserverport', 'webserverip', 'rtmpport', 'database', 'datadir', 'streamkey', 'adminpassword', 'ffmpegpath', 'logdir', 'trustedproxies', 'enableVerboseLogging']) {
      expect(outcome.kind === 'help' && outcome.text).toContain(`--${flag}`);
    }
    expect(parseConfig(['-help'], {}).kind).toBe('help');
  });
});
