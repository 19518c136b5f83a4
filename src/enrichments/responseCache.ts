// The last good answer on disk, so the next start shows data at once (marked cached).
// Every operation waits for the one before: a write that started before a clear lands before it,
// never after, so the old key's answer cannot reappear once the key changed.
import * as l10n from '@vscode/l10n';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { normalizeBaseUrl } from '../api/baseUrl';
import type { ListEnrichmentsResponse } from '../api/types';
import { parseListResponse } from '../api/validate';
import { type Cutoff, parseStoredCutoff } from '../settings/cutoff';

const FILE = 'last-response.json';

/**
 * The one cache of versions before accounts (`<folder>/last-response.json`) moves to the account
 * its key moved to; without such an account it is only a leftover, and goes.
 */
export async function moveLegacyCache(folder: string, accountId: string | undefined): Promise<void> {
	const legacy = path.join(folder, FILE);
	try {
		if (accountId) {
			const target = path.join(folder, 'accounts', accountId, FILE);
			await fs.mkdir(path.dirname(target), { recursive: true });
			await fs.rename(legacy, target);
		} else await fs.rm(legacy, { force: true });
	} catch {
		// No legacy file (the usual case), or it cannot be moved: the account then loads afresh.
		await fs.rm(legacy, { force: true }).catch(() => undefined);
	}
}
const VERSION = 1;
/** Larger answers are not cached: serializing them would stall the extension host. */
export const MAX_CACHED_BYTES = 20 * 1024 * 1024;

export interface CachedResponse {
	body: ListEnrichmentsResponse;
	receivedAt: Date;
	cutoff: Cutoff;
	/** Normalized (see normalizeBaseUrl). */
	baseUrl: string;
}

interface Log {
	info(m: string): void;
	warn(m: string): void;
}

export class ResponseCache {
	private readonly file: string;
	private last: Promise<unknown> = Promise.resolve();

	constructor(
		folder: string,
		private readonly log: Log,
	) {
		this.file = path.join(folder, FILE);
	}

	/** The cached answer, or undefined; a broken or foreign file is deleted, never thrown. */
	load(): Promise<CachedResponse | undefined> {
		return this.serialized(() => this.read());
	}

	save(entry: CachedResponse, bytes: number): Promise<void> {
		return this.serialized(() => this.write(entry, bytes));
	}

	clear(): Promise<void> {
		return this.serialized(() => this.remove());
	}

	private serialized<T>(op: () => Promise<T>): Promise<T> {
		const run = this.last.then(op, op);
		this.last = run.catch(() => undefined);
		return run;
	}

	private async read(): Promise<CachedResponse | undefined> {
		let text: string;
		try {
			text = await fs.readFile(this.file, 'utf8');
		} catch {
			return undefined;
		}
		try {
			const raw = JSON.parse(text) as Record<string, unknown>;
			if (raw?.version !== VERSION || typeof raw.receivedAt !== 'string' || typeof raw.baseUrl !== 'string') throw new Error(l10n.t('unknown format'));
			const receivedAt = new Date(raw.receivedAt);
			if (Number.isNaN(receivedAt.getTime())) throw new Error(l10n.t('bad timestamp'));
			return { body: parseListResponse(raw.body), receivedAt, cutoff: parseStoredCutoff(raw.cutoff), baseUrl: normalizeBaseUrl(raw.baseUrl) };
		} catch (e) {
			this.log.warn(`Discarded the cached enrichments (${this.file}): ${e instanceof Error ? e.message : String(e)}`);
			await this.remove();
			return undefined;
		}
	}

	private async write(entry: CachedResponse, bytes: number): Promise<void> {
		if (bytes > MAX_CACHED_BYTES) {
			this.log.info(`Not caching the last answer: ${Math.round(bytes / 1024 / 1024)} MB is over the cache's limit.`);
			await this.remove();
			return;
		}
		try {
			await fs.mkdir(path.dirname(this.file), { recursive: true });
			const tmp = `${this.file}.${process.pid}.tmp`;
			await fs.writeFile(tmp, JSON.stringify({ version: VERSION, receivedAt: entry.receivedAt.toISOString(), cutoff: entry.cutoff, baseUrl: entry.baseUrl, body: entry.body }));
			await fs.rename(tmp, this.file);
		} catch (e) {
			this.log.warn(`Could not cache the last answer: ${e instanceof Error ? e.message : String(e)}`);
		}
	}

	private async remove(): Promise<void> {
		await fs.rm(this.file, { force: true }).catch(() => undefined);
	}
}
