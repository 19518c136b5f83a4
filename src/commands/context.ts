import type { Logger } from '../common/logger';
import type { EnrichmentStore } from '../enrichments/enrichmentStore';
import type { RefreshScheduler } from '../enrichments/refreshScheduler';
import type { ApiKeyStore } from '../settings/apiKeyStore';
import type { CutoffStore } from '../settings/cutoffStore';
import type { EnrichmentView } from '../tree/enrichmentView';
import type { RawJsonPanel } from '../webview/rawJsonPanel';

/** What commands work with; extension.ts builds it once. */
export interface CommandContext {
	store: EnrichmentStore;
	scheduler: RefreshScheduler;
	keys: ApiKeyStore;
	cutoffs: CutoffStore;
	view: EnrichmentView;
	rawJson: RawJsonPanel;
	log: Logger;
}
