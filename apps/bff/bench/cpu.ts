// Where a bench's load went: CPU time of the machine and of groups of processes, read from
// /proc (Linux). A ratio between two configurations says little when the machine was already
// busy on every core in the first; this says whether it was.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
const TICKS_PER_SECOND = 100;

function machineBusyTicks(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return user! + nice! + system! + irq! + softirq! + (steal ?? 0);
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces: state is the first, utime the 12th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // gone since: its time is lost, which undercounts, never overcounts
  }
}

/** Every process whose command is `name` (e.g. PostgreSQL's server and backends). */
export function pidsNamed(name: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

export type CpuGroups = Record<string, () => number[]>;

/**
 * Starts counting; `stop()` returns cores used on average (1.0 = one core busy) by the
 * machine and by each group, whose pids are listed again at the stop (new backends count).
 * Null where /proc is not there to read.
 */
export function countCpu(groups: CpuGroups) {
  if (process.platform !== 'linux') return null;
  const began = performance.now();
  const machine = machineBusyTicks();
  const before = new Map<number, number>();
  for (const pids of Object.values(groups))
    for (const pid of pids()) before.set(pid, processTicks(pid));
  return {
    stop() {
      const seconds = (performance.now() - began) / 1000;
      const cores = (ticks: number) => ticks / TICKS_PER_SECOND / seconds;
      const byGroup = Object.fromEntries(
        Object.entries(groups).map(([name, pids]) => [
          name,
          cores(pids().reduce((sum, pid) => sum + processTicks(pid) - (before.get(pid) ?? 0), 0)),
        ]),
      );
      return { machine: cores(machineBusyTicks() - machine), of: availableParallelism(), byGroup };
    },
  };
}

/** `CPU: machine 1.82 of 2 cores busy; replicas 0.58, PostgreSQL 0.80, …` */
export function describeCpu(used: ReturnType<NonNullable<ReturnType<typeof countCpu>>['stop']>) {
  const groups = Object.entries(used.byGroup)
    .map(([name, cores]) => `${name} ${cores.toFixed(2)}`)
    .join(', ');
  return `CPU: machine ${used.machine.toFixed(2)} of ${used.of} cores busy; ${groups}`;
}
