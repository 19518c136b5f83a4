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

/** One client company of an agency, as GET /rest/v2/agency/companies lists it. */
export interface AgencyCompany {
	/** What the x-company-id header takes to act as this company. */
	id: number;
	name: string;
	owner?: string;
	active?: boolean;
	/** running_campaigns, email_slots, linkedin_slots and whatever else the server adds, as they came. */
	[extra: string]: unknown;
}

/** Where a page sits in a paged answer. */
export interface PaginationData {
	total_elements?: number;
	total_pages: number;
	/** 1-based, like the `page` query parameter. */
	current_page_number: number;
	page_size?: number;
	[extra: string]: unknown;
}

/** One page of GET /rest/v2/agency/companies. */
export interface AgencyCompaniesPage {
	content: AgencyCompany[];
	pagination_data: PaginationData;
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
