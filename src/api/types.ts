// Wire types of Woodpecker's lead-enrichment endpoints, named exactly as the JSON is.
// Enum-like fields stay open strings: values the docs do not list yet are kept and shown.

/** Documented lead statuses; anything else the server sends is kept as it came. */
export type LeadStatus = 'PENDING' | 'PROCESSED' | (string & {});

/** Documented processing results (null while pending); unknown values are kept. */
export type ProcessingResult = 'CONVERTED_TO_PROSPECT' | 'NOT_CONVERTED_TO_PROSPECT' | null | (string & {});

export interface Lead {
	uid: string;
	status: LeadStatus;
	processing_result: ProcessingResult;
	[extra: string]: unknown;
}

export interface EnrichmentBatch {
	uuid: string;
	/** ISO 8601 timestamp, as the server wrote it. */
	created: string;
	leads: Lead[];
	[extra: string]: unknown;
}

export interface ListEnrichmentsResponse {
	lead_enrichments: EnrichmentBatch[];
	[extra: string]: unknown;
}

/** The error body Woodpecker documents for 400/401/404/500. */
export interface WoodpeckerErrorBody {
	title?: string;
	status?: number;
	details?: string;
	timestamp?: string;
	extra?: string | null;
}
