/** What the figures were measured on: recorded with every result. */
import * as os from "node:os";

/** The machine and its load at one moment. */
export interface MachineInfo {
  /** Logical CPUs this process may use (`os.availableParallelism`). */
  nproc: number;
  cpuModel: string;
  totalMemoryGiB: number;
  /** 1, 5 and 15 minute load averages. */
  loadAverage: [number, number, number];
  node: string;
  platform: string;
}

/** The machine as it is now. */
export function machineInfo(): MachineInfo {
  const [one, five, fifteen] = os.loadavg();
  return {
    nproc: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    totalMemoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    loadAverage: [round(one ?? 0), round(five ?? 0), round(fifteen ?? 0)],
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** The 1-minute load average now, rounded to two decimals. */
export function loadNow(): number {
  return round(os.loadavg()[0] ?? 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
