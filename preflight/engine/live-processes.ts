/**
 * The child processes the preflight has running (programs, the type check, policy packs), so that a signal
 * that ends the run can end them too: `secure-ai check` stopped by SIGINT or SIGTERM leaves nothing behind.
 */
import type { ChildProcess } from "node:child_process";

const live = new Map<ChildProcess, () => void>();

/**
 * Remembers a child until it exits.
 *
 * @param child - the spawned process.
 * @param kill - how to end it (and its process group, when it leads one). @default `child.kill("SIGKILL")`
 */
export function trackProcess(child: ChildProcess, kill: () => void = () => child.kill("SIGKILL")): void {
  live.set(child, kill);
  child.once("exit", () => live.delete(child));
  child.once("error", () => live.delete(child));
}

/**
 * Ends every child still running.
 *
 * @returns how many were ended.
 */
export function killLiveProcesses(): number {
  const running = [...live.values()];
  live.clear();
  for (const kill of running) {
    try {
      kill();
    } catch {
      // Already gone.
    }
  }
  return running.length;
}
