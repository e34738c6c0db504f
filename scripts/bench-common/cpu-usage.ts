// CPU time from Linux's /proc, for benchmarks that must say what a change costs in CPU and not
// only in throughput: throughput on a shared virtual machine moves with its neighbours' load
// (the host's "steal"), CPU time spent per request far less.
import { readdirSync, readFileSync } from "node:fs";

/** Clock ticks per second of /proc's CPU counters (USER_HZ, 100 on every Linux of note). */
const TICKS_PER_SECOND = 100;

type ProcessStat = {
  pid: number;
  command: string;
  ppid: number;
  processGroupId: number;
  ticks: number;
  reapedTicks: number;
};

/** Every live process's CPU counters from /proc/<pid>/stat. */
function processStats(): ProcessStat[] {
  const stats: ProcessStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // After the command name in parentheses: state, ppid, pgrp, …, utime (14th field), stime,
    // cutime and cstime (the children it has reaped).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    stats.push({
      pid: Number(entry),
      command: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
      ppid: Number(fields[1]),
      processGroupId: Number(fields[2]),
      ticks: Number(fields[11]) + Number(fields[12]),
      reapedTicks: Number(fields[13]) + Number(fields[14]),
    });
  }
  return stats;
}

const toMs = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;

/** CPU milliseconds (user + system) used so far by every live process of one process group. */
export function processGroupCpuMs(processGroupId: number): number {
  return toMs(
    processStats()
      .filter((stat) => stat.processGroupId === processGroupId)
      .reduce((sum, stat) => sum + stat.ticks, 0),
  );
}

/**
 * CPU milliseconds used so far by the machine's PostgreSQL: every live `postgres` process, and
 * the backends that have ended, which the postmaster (a `postgres` whose parent is not one) has reaped.
 */
export function postgresCpuMs(): number {
  const stats = processStats().filter((stat) => stat.command === "postgres");
  const pids = new Set(stats.map((stat) => stat.pid));
  return toMs(stats.reduce((sum, stat) => sum + stat.ticks + (pids.has(stat.ppid) ? 0 : stat.reapedTicks), 0));
}

export type MachineCpu = { busyMs: number; stealMs: number; totalMs: number };

/** The whole machine's CPU so far: busy (all but idle, iowait and steal), stolen by the host, and all. */
export function machineCpu(): MachineCpu {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number) as number[];
  const busy = user! + nice! + system! + irq! + softirq!;
  const total = busy + idle! + iowait! + steal!;
  const ms = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND;
  return { busyMs: ms(busy), stealMs: ms(steal!), totalMs: ms(total) };
}

export type CpuSpent = { processMs: number; machineBusyMs: number; stealShare: number };

/** Starts a measurement; the returned function gives what was spent since, by the group and the machine. */
export function startCpuMeasure(processGroupId: number): () => CpuSpent {
  const processBefore = processGroupCpuMs(processGroupId);
  const machineBefore = machineCpu();
  return () => {
    const machineAfter = machineCpu();
    const total = machineAfter.totalMs - machineBefore.totalMs;
    return {
      processMs: processGroupCpuMs(processGroupId) - processBefore,
      machineBusyMs: machineAfter.busyMs - machineBefore.busyMs,
      stealShare: total > 0 ? (machineAfter.stealMs - machineBefore.stealMs) / total : 0,
    };
  };
}
