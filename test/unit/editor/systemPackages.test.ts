import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type SystemPackageOptions, ensureSystemPackages, planFor, sudoCommand } from '../../editor/systemPackages';

const EVERYTHING = { codeServer: true, chromium: true };
const CODE_SERVER_TOOLS = ['rg', 'krb5-config', 'g++', 'make', 'pkg-config', 'python3'];

describe('system packages for the editor harness', () => {
	let root: string;
	/** First PATH entry: holds only the fake apt-get, when a test puts it there. */
	let bin: string;
	/** Second PATH entry: where the fake apt-get "installs" the tools. */
	let tools: string;
	/** One line per apt-get call, written by the fake. */
	let record: string;
	const logs: string[] = [];

	beforeEach(async () => {
		root = await fs.mkdtemp(path.join(os.tmpdir(), 'wp-apt-'));
		bin = path.join(root, 'bin');
		tools = path.join(root, 'tools');
		record = path.join(root, 'apt-get.log');
		await fs.mkdir(bin);
		await fs.mkdir(tools);
		logs.length = 0;
	});
	afterEach(() => fs.rm(root, { recursive: true, force: true }));

	/** A fresh machine as seen through PATH: nothing but what the test put in bin/ and tools/. */
	function options(isRoot: boolean, extra: SystemPackageOptions = {}): SystemPackageOptions {
		return { env: { PATH: `${bin}:${tools}` }, isRoot: () => isRoot, chromium: path.join(tools, 'chromium'), log: (line) => logs.push(line), ...extra };
	}

	/** An apt-get that records its arguments and, on install, creates the tools of the packages it knows. */
	async function fakeAptGet(failOn?: 'update' | 'install'): Promise<void> {
		const script = `#!/bin/sh
PATH=/usr/bin:/bin
echo "DEBIAN_FRONTEND=$DEBIAN_FRONTEND apt-get $*" >> '${record}'
${failOn ? `[ "$1" = ${failOn} ] && exit 100` : ''}
[ "$1" = install ] || exit 0
for pkg in "$@"; do
	case "$pkg" in
		ripgrep) made=rg ;;
		libkrb5-dev) made=krb5-config ;;
		build-essential) made='g++ make' ;;
		pkg-config) made=pkg-config ;;
		python3) made=python3 ;;
		chromium) made=chromium ;;
		*) made= ;;
	esac
	for tool in $made; do printf '#!/bin/sh\\n' > '${tools}'/"$tool"; chmod +x '${tools}'/"$tool"; done
done
`;
		await fs.writeFile(path.join(bin, 'apt-get'), script, { mode: 0o755 });
	}

	async function present(...names: string[]): Promise<void> {
		for (const name of names) await fs.writeFile(path.join(tools, name), '#!/bin/sh\n', { mode: 0o755 });
	}

	async function aptCalls(): Promise<string[]> {
		try {
			return (await fs.readFile(record, 'utf8')).split('\n').filter(Boolean);
		} catch {
			return []; // Never called.
		}
	}

	it('as root with apt-get: runs update, then install -y with exactly the missing packages, and the check then passes', async () => {
		await fakeAptGet();
		await ensureSystemPackages(EVERYTHING, options(true));
		assert.deepEqual(await aptCalls(), ['DEBIAN_FRONTEND=noninteractive apt-get update -qq', 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium ripgrep libkrb5-dev build-essential pkg-config python3']);
		assert.deepEqual(logs, ['[editor] Installing Debian packages chromium ripgrep libkrb5-dev build-essential pkg-config python3 (needed to run the editor tests in Chromium and to install code-server) with apt-get…']);

		await ensureSystemPackages(EVERYTHING, options(true));
		assert.equal((await aptCalls()).length, 2, 'a second check finds everything and runs nothing');
	});

	it('as root with apt-get: installs only the packages of the tools that are missing', async () => {
		await fakeAptGet();
		await present('rg', 'make', 'python3', 'chromium');
		await ensureSystemPackages(EVERYTHING, options(true));
		assert.deepEqual(await aptCalls(), ['DEBIAN_FRONTEND=noninteractive apt-get update -qq', 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev build-essential pkg-config']);
		assert.deepEqual(logs, ['[editor] Installing Debian packages libkrb5-dev build-essential pkg-config (needed to install code-server) with apt-get…']);
	});

	it('as non-root: never calls apt-get and names the sudo command for exactly the missing packages', async () => {
		await fakeAptGet();
		await present('g++', 'make');
		await assert.rejects(ensureSystemPackages(EVERYTHING, options(false)), {
			name: 'SetupError',
			message:
				`Missing ${tools}/chromium, rg, krb5-config, pkg-config and python3 (needed to run the editor tests in Chromium and to install code-server). ` +
				'Not running as root, so they are not installed automatically. Install them with:\n\n' +
				'  sudo apt-get install -y chromium ripgrep libkrb5-dev pkg-config python3\n\n' +
				'then run this again.',
		});
		assert.deepEqual(await aptCalls(), []);
		assert.deepEqual(logs, []);
	});

	it('as root with no apt-get on PATH: names the sudo command and runs nothing', async () => {
		await present(...CODE_SERVER_TOOLS);
		await assert.rejects(ensureSystemPackages(EVERYTHING, options(true)), {
			name: 'SetupError',
			message: `Missing ${tools}/chromium (needed to run the editor tests in Chromium). apt-get was not found on PATH. Install it with:\n\n` + '  sudo apt-get install -y chromium\n\n' + 'then run this again.',
		});
		assert.deepEqual(await aptCalls(), []);
	});

	it('with every tool present: runs nothing and prints nothing', async () => {
		await fakeAptGet();
		await present(...CODE_SERVER_TOOLS, 'chromium');
		await ensureSystemPackages(EVERYTHING, options(true));
		assert.deepEqual(await aptCalls(), []);
		assert.deepEqual(logs, []);
	});

	it('for the demo (no Chromium needed): a missing Chromium installs nothing', async () => {
		await fakeAptGet();
		await present(...CODE_SERVER_TOOLS);
		await ensureSystemPackages({ codeServer: true, chromium: false }, options(true));
		assert.deepEqual(await aptCalls(), []);
	});

	it('for the suites with code-server already cached: only Chromium is checked', async () => {
		await fakeAptGet();
		await ensureSystemPackages({ codeServer: false, chromium: true }, options(true));
		assert.deepEqual(await aptCalls(), ['DEBIAN_FRONTEND=noninteractive apt-get update -qq', 'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
	});

	it('apt-get install failing: a clear error naming the command', async () => {
		await fakeAptGet('install');
		await assert.rejects(ensureSystemPackages({ codeServer: false, chromium: true }, options(true)), {
			name: 'SetupError',
			message: 'apt-get install -y -qq chromium failed with exit code 100 (its output is above).',
		});
	});

	it('apt-get update failing: stops before installing, naming the command', async () => {
		await fakeAptGet('update');
		await assert.rejects(ensureSystemPackages({ codeServer: false, chromium: true }, options(true)), {
			name: 'SetupError',
			message: 'apt-get update -qq failed with exit code 100 (its output is above).',
		});
		assert.deepEqual(await aptCalls(), ['DEBIAN_FRONTEND=noninteractive apt-get update -qq']);
	});

	it('a tool still missing after apt-get (WOODPECKER_CHROMIUM elsewhere): says which', async () => {
		await fakeAptGet();
		const elsewhere = path.join(root, 'elsewhere', 'chromium');
		const moved = options(true, { env: { PATH: `${bin}:${tools}`, WOODPECKER_CHROMIUM: elsewhere }, chromium: undefined });
		await assert.rejects(ensureSystemPackages({ codeServer: false, chromium: true }, moved), {
			name: 'SetupError',
			message: `apt-get installed chromium, but ${root}/elsewhere/chromium is still missing.`,
		});
	});

	it('plans build-essential once when both g++ and make are missing', () => {
		const missing = [
			{ tool: 'g++', pkg: 'build-essential', why: 'to install code-server' },
			{ tool: 'make', pkg: 'build-essential', why: 'to install code-server' },
		];
		assert.deepEqual(planFor(missing, true, '/usr/bin/apt-get'), {
			action: 'install',
			aptGet: '/usr/bin/apt-get',
			tools: ['g++', 'make'],
			packages: ['build-essential'],
			why: 'to install code-server',
		});
		assert.equal(sudoCommand(['build-essential']), 'sudo apt-get install -y build-essential');
	});
});
