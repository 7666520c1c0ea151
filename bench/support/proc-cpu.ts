/**
 * CPU time of process trees, read from /proc (Linux only).
 *
 * A tree's CPU time is Σ over its live members of utime + stime + cutime + cstime: a child that
 * ended and was reaped during a window has its whole time folded into its parent's cutime/cstime,
 * so short-lived helpers (thumbnail ffmpegs) are counted without having to catch them alive.
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

export interface ProcStat {
  readonly pid: number;
  readonly ppid: number;
  readonly comm: string;
  /** R, S, D, Z (zombie: ended, not yet reaped), … */
  readonly state: string;
  /** Since boot, in clock ticks: tells a pid apart from a later process that reuses it. */
  readonly startTime: number;
  /** utime + stime, seconds. */
  readonly own: number;
  /** cutime + cstime (reaped children), seconds. */
  readonly reaped: number;
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const out = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    ticksPerSecond = Number.isFinite(out) && out > 0 ? out : 100;
  }
  return ticksPerSecond;
}

/** /proc/<pid>/stat, or undefined when the process is gone. */
export function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // comm is in parentheses and may hold spaces or parentheses: split after the last ')'.
  const close = text.lastIndexOf(')');
  const comm = text.slice(text.indexOf('(') + 1, close);
  const fields = text.slice(close + 2).split(' ');
  // fields[0] is field 3 (state) of proc(5).
  const field = (n: number) => Number(fields[n - 3]);
  const hz = clockTicks();
  return { pid, ppid: field(4), comm, state: fields[0] ?? '?', startTime: field(22), own: (field(14) + field(15)) / hz, reaped: (field(16) + field(17)) / hz };
}

/** Every process's stat (those that vanish while listing are skipped). */
function allStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat !== undefined) stats.push(stat);
  }
  return stats;
}

/** The root and all its live descendants, root first. */
export function processTree(rootPid: number): ProcStat[] {
  const stats = allStats();
  const root = stats.find((s) => s.pid === rootPid);
  if (root === undefined) return [];
  const byParent = new Map<number, ProcStat[]>();
  for (const stat of stats) byParent.set(stat.ppid, [...(byParent.get(stat.ppid) ?? []), stat]);
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(byParent.get(tree[i]!.pid) ?? []));
  return tree;
}

export interface TreeSample {
  readonly at: number;
  readonly rootPid: number;
  readonly members: readonly ProcStat[];
  readonly machine: MachineTimes;
}

export function sampleTree(rootPid: number): TreeSample {
  const members = processTree(rootPid);
  if (members.length === 0) throw new Error(`process ${rootPid} is gone`);
  return { at: performance.now(), rootPid, members, machine: machineTimes() };
}

export interface TreeCpu {
  readonly wallSeconds: number;
  /** Whole tree, seconds of CPU. */
  readonly total: number;
  /** The root process alone (all its threads), without children. */
  readonly root: number;
  /** Descendants alive at both samples, by pid: CPU each used in between (their reaped children included). */
  readonly lasting: ReadonlyArray<{ pid: number; comm: string; cpu: number }>;
  /** total − root − lasting: helpers that started (and maybe ended) within the window. */
  readonly transient: number;
  /** The whole machine's busy share over the window, in cores (for spotting other load). */
  readonly machineBusyCores: number;
}

const treeTotal = (members: readonly ProcStat[]) => members.reduce((sum, s) => sum + s.own + s.reaped, 0);
const key = (s: ProcStat) => `${s.pid}/${s.startTime}`;

/** What the tree used between two samples of it. */
export function cpuBetween(before: TreeSample, after: TreeSample): TreeCpu {
  const wallSeconds = (after.at - before.at) / 1000;
  const root0 = before.members[0]!;
  const root1 = after.members[0]!;
  if (key(root0) !== key(root1)) throw new Error('the root process changed between samples');
  const earlier = new Map(before.members.slice(1).map((s) => [key(s), s]));
  const lasting = after.members.slice(1).flatMap((s) => {
    const was = earlier.get(key(s));
    return was === undefined ? [] : [{ pid: s.pid, comm: s.comm, cpu: s.own + s.reaped - (was.own + was.reaped) }];
  });
  const total = treeTotal(after.members) - treeTotal(before.members);
  const root = root1.own - root0.own;
  const transient = total - root - lasting.reduce((sum, l) => sum + l.cpu, 0);
  const busy = after.machine.busy - before.machine.busy;
  const all = after.machine.total - before.machine.total;
  const machineBusyCores = all > 0 ? (busy / all) * after.machine.cores : NaN;
  return { wallSeconds, total, root, lasting, transient, machineBusyCores };
}

interface MachineTimes {
  readonly busy: number;
  readonly total: number;
  readonly cores: number;
}

/** The aggregate `cpu` line of /proc/stat: busy and total jiffies over all cores. */
function machineTimes(): MachineTimes {
  const lines = fs.readFileSync('/proc/stat', 'utf8').split('\n');
  const values = (lines[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest* are already inside user/nice).
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = values;
  const cores = lines.filter((line) => /^cpu\d+ /.test(line)).length;
  return { busy: user + nice + system + irq + softirq + steal, total: user + nice + system + idle + iowait + irq + softirq + steal, cores };
}

/** Whether the process with this pid (and start time, when given) still runs (a zombie does not). */
export function alive(pid: number, startTime?: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && stat.state !== 'Z' && (startTime === undefined || stat.startTime === startTime);
}

/** A process's own CPU time split into user and system (kernel) seconds, or undefined when it is gone. */
export function userSystem(pid: number): { user: number; system: number } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const hz = clockTicks();
  return { user: Number(fields[14 - 3]) / hz, system: Number(fields[15 - 3]) / hz };
}
