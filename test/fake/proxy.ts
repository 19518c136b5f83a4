// A loopback forward proxy for tests: takes absolute-form requests (GET http://host:port/path),
// records them, and forwards each to one target on 127.0.0.1, whatever host they name. So a
// request that reaches the target at all, under a host nothing listens on, went through here.
import * as http from 'node:http';
import type { Socket } from 'node:net';

export interface ProxiedRequest {
	method: string;
	/** The request target as the client wrote it: absolute for a proxy request. */
	url: string;
	/** Whether it carried an x-api-key header (never the key itself). */
	hadApiKey: boolean;
}

export class ForwardProxy {
	readonly requests: ProxiedRequest[] = [];
	private readonly server: http.Server;
	private readonly sockets = new Set<Socket>();

	constructor(private readonly targetPort: number) {
		this.server = http.createServer((req, res) => this.forward(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.server.on('clientError', (_e, socket) => socket.destroy());
	}

	/** Listens on 127.0.0.1 (a free port); resolves with the proxy's URL, e.g. http://127.0.0.1:41235. */
	start(): Promise<string> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(0, '127.0.0.1', () => {
				const address = this.server.address();
				if (!address || typeof address === 'string') return reject(new Error('no TCP address'));
				resolve(`http://127.0.0.1:${address.port}`);
			});
		});
	}

	stop(): Promise<void> {
		return new Promise((resolve) => {
			if (!this.server.listening) return resolve();
			this.server.close(() => resolve());
			for (const socket of this.sockets) socket.destroy();
		});
	}

	private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
		const target = req.url ?? '/';
		this.requests.push({ method: req.method ?? 'GET', url: target, hadApiKey: typeof req.headers['x-api-key'] === 'string' });
		let path: string;
		try {
			const url = new URL(target);
			path = `${url.pathname}${url.search}`;
		} catch {
			res.writeHead(400).end('not a proxy request');
			return;
		}
		const upstream = http.request({ host: '127.0.0.1', port: this.targetPort, method: req.method, path, headers: { ...req.headers, host: `127.0.0.1:${this.targetPort}` } }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	}
}
