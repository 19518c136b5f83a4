// The Debian packages the editor harness needs (a compiler and headers to build code-server,
// Chromium for the suites). `npm run demo` and `npm test` install the missing ones themselves
// when they can (root with apt-get) and otherwise stop with the one command to run.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A tool the harness looks for (a command on PATH, or an absolute file) and the package that brings it. */
export interface Need {
	tool: string;
	pkg: string;
	why: string;
}

/** Which parts of the harness will run: code-server's install, and/or Chromium for the suites. */
export interface Parts {
	codeServer: boolean;
	chromium: boolean;
}

export interface SystemPackageOptions {
	/** PATH for looking the tools up (and for apt-get); WOODPECKER_CHROMIUM moves Chromium. */
	env?: NodeJS.ProcessEnv;
	isRoot?: () => boolean;
	/** Where Chromium must be; defaults to WOODPECKER_CHROMIUM or /usr/bin/chromium. */
	chromium?: string;
	/** The apt-get command, looked up on PATH unless absolute. */
	aptGet?: string;
	log?: (line: string) => void;
}

/** What to do about the missing packages, decided without touching the machine. */
export type Plan = { action: 'nothing' } | { action: 'install'; aptGet: string; tools: string[]; packages: string[]; why: string } | { action: 'ask'; tools: string[]; packages: string[]; why: string; reason: string };

/** A set-up problem the user fixes by doing what it says: printed without a stack trace. */
export class SetupError extends Error {
	override name = 'SetupError';
}

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const CODE_SERVER_WHY = 'to install code-server';
const CHROMIUM_WHY = 'to run the editor tests in Chromium';

/** code-server's native modules build with these; @vscode/ripgrep is seeded from the system rg. */
const CODE_SERVER_TOOLS: ReadonlyArray<readonly [tool: string, pkg: string]> = [
	['rg', 'ripgrep'],
	['krb5-config', 'libkrb5-dev'],
	['g++', 'build-essential'],
	['make', 'build-essential'],
	['pkg-config', 'pkg-config'],
	['python3', 'python3'],
];

/** Where the suites expect Debian's Chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
	return env.WOODPECKER_CHROMIUM || DEFAULT_CHROMIUM;
}

/** Everything the given parts need, Chromium first (the order apt-get is asked in). */
export function needsFor(parts: Parts, chromium: string): Need[] {
	const needs: Need[] = parts.chromium ? [{ tool: chromium, pkg: 'chromium', why: CHROMIUM_WHY }] : [];
	if (parts.codeServer) needs.push(...CODE_SERVER_TOOLS.map(([tool, pkg]) => ({ tool, pkg, why: CODE_SERVER_WHY })));
	return needs;
}

/** The pure decision: install as root with apt-get, otherwise ask for the sudo command. */
export function planFor(missing: Need[], isRoot: boolean, aptGet: string | undefined): Plan {
	if (missing.length === 0) return { action: 'nothing' };
	const tools = missing.map((n) => n.tool);
	const packages = unique(missing.map((n) => n.pkg));
	const why = unique(missing.map((n) => n.why)).join(' and ');
	if (isRoot && aptGet) return { action: 'install', aptGet, tools, packages, why };
	const they = tools.length === 1 ? 'it is' : 'they are';
	const reason = aptGet ? `Not running as root, so ${they} not installed automatically.` : 'apt-get was not found on PATH.';
	return { action: 'ask', tools, packages, why, reason };
}

/** The one command a user runs to install the packages themselves. */
export function sudoCommand(packages: string[]): string {
	return `sudo apt-get install -y ${packages.join(' ')}`;
}

/** Makes sure the Debian packages the given parts need are there, installing them when it can. */
export async function ensureSystemPackages(parts: Parts, options: SystemPackageOptions = {}): Promise<void> {
	const env = options.env ?? process.env;
	const needs = needsFor(parts, options.chromium ?? chromiumPath(env));
	const missing = needs.filter((n) => !isPresent(n.tool, env));
	if (missing.length === 0) return;
	const isRoot = options.isRoot ?? (() => process.getuid?.() === 0);
	const plan = planFor(missing, isRoot(), locate(options.aptGet ?? 'apt-get', env));
	if (plan.action === 'nothing') return;
	if (plan.action === 'ask') throw new SetupError(askText(plan));

	const log = options.log ?? console.log;
	log(`[editor] Installing Debian packages ${plan.packages.join(' ')} (needed ${plan.why}) with apt-get…`);
	const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
	// -qq keeps apt's own chatter to errors; dpkg's "Setting up …" lines still show progress.
	await runApt(plan.aptGet, ['update', '-qq'], aptEnv);
	await runApt(plan.aptGet, ['install', '-y', '-qq', ...plan.packages], aptEnv);
	const still = needs.filter((n) => !isPresent(n.tool, env)).map((n) => n.tool);
	if (still.length) throw new SetupError(`apt-get installed ${plan.packages.join(' ')}, but ${listText(still)} ${still.length === 1 ? 'is' : 'are'} still missing.`);
}

/** A command on PATH (or an absolute path) that can be run. */
export function locate(tool: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (path.isAbsolute(tool)) return isExecutable(tool) ? tool : undefined;
	for (const dir of (env.PATH ?? '').split(path.delimiter)) {
		if (dir && isExecutable(path.join(dir, tool))) return path.join(dir, tool);
	}
	return undefined;
}

function isPresent(tool: string, env: NodeJS.ProcessEnv): boolean {
	return locate(tool, env) !== undefined;
}

function isExecutable(file: string): boolean {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

function askText(plan: Extract<Plan, { action: 'ask' }>): string {
	return `Missing ${listText(plan.tools)} (needed ${plan.why}). ${plan.reason} Install ${plan.tools.length === 1 ? 'it' : 'them'} with:\n\n  ${sudoCommand(plan.packages)}\n\nthen run this again.`;
}

/** Runs apt-get with its output on the terminal, failing with the command it ran. */
async function runApt(aptGet: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
	const command = `apt-get ${args.join(' ')}`;
	let code: number;
	try {
		code = await runInherited(aptGet, args, env);
	} catch (e) {
		throw new SetupError(`${command} could not be started: ${e instanceof Error ? e.message : String(e)}`);
	}
	if (code !== 0) throw new SetupError(`${command} failed with exit code ${code} (its output is above).`);
}

/** Not runToEnd: apt-get stays in the terminal's process group, so Ctrl+C reaches dpkg itself instead of a SIGKILL from the harness cleanup. */
function runInherited(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: 'inherit' });
		child.once('error', reject);
		child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
	});
}

function listText(items: string[]): string {
	return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function unique(items: string[]): string[] {
	return [...new Set(items)];
}
