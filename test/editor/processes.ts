// Everything the harness starts is stopped again: child processes run in their own process
// group (so code-server's extension host and watchers die with it), and cleanups run in reverse
// order on success, failure, uncaught errors and SIGINT/SIGTERM/SIGHUP.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

type Cleanup = () => Promise<void> | void;

const cleanups: Array<{ name: string; run: Cleanup }> = [];
const liveGroups = new Set<number>();
let cleaning: Promise<void> | undefined;

/** Registers work to do when the harness ends; runs last-registered first. */
export function onCleanup(name: string, run: Cleanup): void {
	cleanups.push({ name, run });
}

/** True once cleanup has begun (a signal or the end of the run), so exits it causes are expected. */
export function isStopping(): boolean {
	return cleaning !== undefined;
}

/** Runs every registered cleanup once, each bounded in time so one stuck step cannot keep the rest alive. */
export function cleanupAll(): Promise<void> {
	cleaning ??= (async () => {
		while (cleanups.length) {
			const { name, run } = cleanups.pop()!;
			try {
				await withTimeout(Promise.resolve(run()), 15_000, `cleanup "${name}" timed out`);
			} catch (e) {
				console.error(`[editor] cleanup "${name}" failed: ${errorText(e)}`);
			}
		}
		killLiveGroupsNow();
	})();
	return cleaning;
}

/** Makes Ctrl+C, kill, a closed terminal or an uncaught error still stop what was started. */
export function installExitHandlers(): void {
	const signals: Array<[NodeJS.Signals, number]> = [
		['SIGINT', 130],
		['SIGTERM', 143],
		['SIGHUP', 129],
	];
	for (const [signal, code] of signals) {
		process.once(signal, () => {
			console.error(`\n[editor] ${signal}: stopping everything that was started…`);
			void cleanupAll().finally(() => process.exit(code));
		});
	}
	process.on('uncaughtException', (e) => {
		console.error(`[editor] uncaught: ${e.stack ?? e.message}`);
		void cleanupAll().finally(() => process.exit(1));
	});
	process.on('unhandledRejection', (e) => {
		console.error(`[editor] unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
		void cleanupAll().finally(() => process.exit(1));
	});
	// Last resort when someone calls process.exit() without cleaning: no orphans left behind.
	process.on('exit', killLiveGroupsNow);
}

/** Spawns a process as the leader of a new process group and remembers the group until it exits. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
	const child = spawn(command, args, { ...options, detached: true });
	const pid = child.pid;
	if (pid !== undefined) {
		liveGroups.add(pid);
		child.once('exit', () => {
			// The leader is gone but its group may not be: keep it listed until the group is empty.
			if (!groupAlive(pid)) liveGroups.delete(pid);
		});
	}
	return child;
}

/** SIGTERM to the whole group, SIGKILL after `graceMs` if anything in it is still alive. */
export async function killGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
	const pid = child.pid;
	if (pid === undefined) return;
	signalGroup(pid, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
	if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
	while (groupAlive(pid) && Date.now() < deadline + 2_000) await sleep(50);
	liveGroups.delete(pid);
}

/** Runs a command to completion (in its own group, killed with the harness) and resolves with its exit code. */
export function runToEnd(command: string, args: string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawnGroup(command, args, { stdio: 'inherit', ...options });
		const timer = options.timeoutMs
			? setTimeout(() => {
					void killGroup(child, 1_000);
					reject(new Error(`${command} ${args.join(' ')} took longer than ${options.timeoutMs} ms`));
				}, options.timeoutMs)
			: undefined;
		child.once('error', (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			resolve(code ?? (signal ? 128 : 1));
		});
	});
}

function killLiveGroupsNow(): void {
	for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
	liveGroups.clear();
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// Already gone.
	}
}

function groupAlive(pid: number): boolean {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(message)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function errorText(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
