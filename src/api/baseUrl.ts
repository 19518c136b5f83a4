// Where the key may be sent: the configured base URL, normalized, and refused when unsafe.
import * as l10n from '@vscode/l10n';
import { isIPv4 } from 'node:net';

export const DEFAULT_BASE_URL = 'https://api.woodpecker.co';

/**
 * The base URL in one canonical form, so equivalent spellings compare equal: scheme and host as
 * URL writes them (lower case, no default port), no trailing slash, and without the `/rest` or
 * `/rest/v2` that Woodpecker's docs include (the client adds "/rest/v2/..." itself). Empty means
 * the default; text that is not a URL is returned trimmed, for describeUnsafeBaseUrl to name.
 */
export function normalizeBaseUrl(raw: string | undefined): string {
	const text = raw?.trim() ?? '';
	if (!text) return DEFAULT_BASE_URL;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return text;
	}
	const path = url.pathname.replace(/\/+$/, '').replace(/\/rest(\/v2)?$/i, '');
	return `${url.protocol}//${url.host}${path}`;
}

/** Why a base URL must not receive the key (not a URL, or plain http to a non-loopback host), or undefined if it is fine. */
export function describeUnsafeBaseUrl(baseUrl: string): string | undefined {
	let url: URL;
	try {
		url = new URL(baseUrl);
	} catch {
		return l10n.t('"{0}" is not a valid URL. Set woodpecker.apiBaseUrl to an https:// address, or clear it to use {1}.', baseUrl, DEFAULT_BASE_URL);
	}
	if (url.protocol === 'https:') return undefined;
	if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
	return l10n.t('woodpecker.apiBaseUrl must use https:// (plain http is allowed only for localhost), so the API key is never sent in clear text. It is "{0}//{1}".', url.protocol, url.host);
}

/** The host part of a base URL for messages ("api.woodpecker.co"), or the text itself when it is not a URL. */
export function hostOf(baseUrl: string): string {
	try {
		return new URL(baseUrl).host;
	} catch {
		return baseUrl;
	}
}

/** `hostname` as URL writes it: IPv6 in brackets and compressed ("[::1]"), IPv4 in dotted decimal. */
function isLoopbackHost(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || (isIPv4(hostname) && hostname.startsWith('127.'));
}
