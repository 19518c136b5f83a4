import type { AccountStore } from '../accounts/accountStore';
import type { Sources } from '../accounts/sources';
import type { Logger } from '../common/logger';
import type { RefreshScheduler } from '../enrichments/refreshScheduler';
import type { CutoffStore } from '../settings/cutoffStore';
import type { EnrichmentView } from '../tree/enrichmentView';
import type { RawJsonPanel } from '../webview/rawJsonPanel';

/** What commands work with; extension.ts builds it once. */
export interface CommandContext {
	accounts: AccountStore;
	sources: Sources;
	scheduler: RefreshScheduler;
	cutoffs: CutoffStore;
	view: EnrichmentView;
	rawJson: RawJsonPanel;
	log: Logger;
}
