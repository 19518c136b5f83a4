import * as assert from 'node:assert/strict';
import { DEFAULT_BASE_URL, describeUnsafeBaseUrl, hostOf, normalizeBaseUrl } from '../../../src/api/baseUrl';

describe('api/baseUrl', () => {
	it('writes equivalent spellings of one address the same way', () => {
		for (const spelling of [
			'https://api.woodpecker.co',
			'https://api.woodpecker.co/',
			'https://api.woodpecker.co/rest',
			'https://api.woodpecker.co/rest/',
			'https://API.Woodpecker.co/REST/v2/',
			' https://api.woodpecker.co:443//',
			'https://api.woodpecker.co/rest/v2',
		]) {
			assert.equal(normalizeBaseUrl(spelling), 'https://api.woodpecker.co', spelling);
		}
	});

	it('keeps what makes another address another: host, port, a path prefix, the scheme', () => {
		assert.equal(normalizeBaseUrl('https://proxy.example.com:8443/woodpecker/rest/'), 'https://proxy.example.com:8443/woodpecker');
		assert.equal(normalizeBaseUrl('http://127.0.0.1:3000'), 'http://127.0.0.1:3000');
		assert.equal(normalizeBaseUrl('http://api.woodpecker.co'), 'http://api.woodpecker.co');
		assert.equal(normalizeBaseUrl('https://api.woodpecker.co/restful'), 'https://api.woodpecker.co/restful');
	});

	it('means the default when empty, and leaves text that is not a URL for the safety check to name', () => {
		assert.equal(normalizeBaseUrl(undefined), DEFAULT_BASE_URL);
		assert.equal(normalizeBaseUrl('   '), DEFAULT_BASE_URL);
		assert.equal(normalizeBaseUrl(' not a url '), 'not a url');
	});

	it('refuses plain http except to this machine, and what is not a URL', () => {
		assert.equal(describeUnsafeBaseUrl('https://api.woodpecker.co'), undefined);
		for (const loopback of ['http://localhost:3000', 'http://127.0.0.1:9', 'http://127.0.0.2', 'http://[::1]:80', 'http://127.0.0.10', 'http://127.255.255.254:8080', 'http://[0:0:0:0:0:0:0:1]:3000', 'http://LOCALHOST']) {
			assert.equal(describeUnsafeBaseUrl(loopback), undefined, loopback);
		}
		for (const remote of ['http://10.0.0.1', 'http://128.0.0.1', 'http://[::2]', 'http://[::ffff:7f00:1]', 'http://localhost.example.com', 'http://127.example.com']) {
			assert.match(describeUnsafeBaseUrl(remote)!, /must use https/, remote);
		}
		assert.equal(
			describeUnsafeBaseUrl('http://api.woodpecker.co'),
			'woodpecker.apiBaseUrl must use https:// (plain http is allowed only for localhost), so the API key is never sent in clear text. It is "http://api.woodpecker.co".',
		);
		assert.match(describeUnsafeBaseUrl('http://127.0.0.1.nip.io')!, /must use https/);
		assert.match(describeUnsafeBaseUrl('ftp://127.0.0.1')!, /must use https/);
		assert.equal(describeUnsafeBaseUrl('nope'), '"nope" is not a valid URL. Set woodpecker.apiBaseUrl to an https:// address, or clear it to use https://api.woodpecker.co.');
	});

	it('names the host for messages', () => {
		assert.equal(hostOf('https://api.woodpecker.co'), 'api.woodpecker.co');
		assert.equal(hostOf('http://127.0.0.1:3000/x'), '127.0.0.1:3000');
		assert.equal(hostOf('nope'), 'nope');
	});
});
