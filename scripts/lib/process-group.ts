/** Stopping a child that was spawned `detached` (its own process group) with everything it started. */
import type { ChildProcess } from 'node:child_process';

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    // A negative pid addresses the whole group: the child and any process it started.
    process.kill(-child.pid!, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGINT to the group (as Ctrl+C would), SIGKILL after `graceMs`; resolves when the child exited. */
export async function stopProcessGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.pid === undefined) return;
  if (running(child)) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(child, 'SIGINT');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  // Whatever the child left behind in its group goes too.
  signalGroup(child, 'SIGKILL');
}
