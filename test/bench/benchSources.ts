// The extension's account layer as the benches run it in plain Node: one account in memory, its
// sources with no cache and a silent log, pointed at a fake API.
import * as os from 'node:os';
import { AccountStore } from '../../src/accounts/accountStore';
import { Sources, type SourcesLog } from '../../src/accounts/sources';
import type { FetchLike } from '../../src/api/transport';
import type { StoreCache } from '../../src/enrichments/enrichmentStore';
import { DEFAULT_CUTOFF } from '../../src/settings/cutoff';
import { MemoryMemento, MemorySecrets } from '../fake/storage';

const silentLog: SourcesLog = { info() {}, warn() {}, error() {}, setSecret() {} };
const noCache: StoreCache = { load: async () => undefined, save: async () => undefined, clear: async () => undefined };

/** One account ("Bench", `key`) and its sources at `base`, initialized; `fetch` replaces the client's. */
export async function benchSources(base: string, key: string, fetch?: FetchLike): Promise<{ accounts: AccountStore; sources: Sources }> {
	const accounts = new AccountStore(new MemorySecrets(), new MemoryMemento());
	await accounts.initialize();
	await accounts.add('Bench', key);
	const sources = new Sources({
		accounts,
		cutoffs: { get: () => DEFAULT_CUTOFF },
		config: () => ({ apiBaseUrl: base, timeoutMs: 30_000 }),
		log: silentLog,
		storageFolder: os.tmpdir(),
		makeCache: () => noCache,
		fetch,
	});
	await sources.initialize();
	return { accounts, sources };
}
