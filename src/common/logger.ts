import * as vscode from 'vscode';

/** The "Woodpecker" log channel, made on first use (not during activation); masks the API key should it ever reach a line. */
export class Logger implements vscode.Disposable {
	private _channel: vscode.LogOutputChannel | undefined;
	/** The keys in use, by who uses them (a source's id). */
	private readonly secrets = new Map<string, string>();

	constructor(private readonly name = 'Woodpecker') {}

	private get channel(): vscode.LogOutputChannel {
		this._channel ??= vscode.window.createOutputChannel(this.name, { log: true });
		return this._channel;
	}

	/** The key `owner` uses now, so any line that contains it is masked; undefined forgets it. */
	setSecret(owner: string, secret: string | undefined): void {
		const clean = secret?.trim();
		if (clean) this.secrets.set(owner, clean);
		else this.secrets.delete(owner);
	}

	info(message: string): void {
		this.channel.info(this.mask(message));
	}

	warn(message: string): void {
		this.channel.warn(this.mask(message));
	}

	error(message: string): void {
		this.channel.error(this.mask(message));
	}

	show(): void {
		this.channel.show(true);
	}

	dispose(): void {
		this._channel?.dispose();
	}

	/** `message` with every key in use replaced by asterisks. */
	mask(message: string): string {
		let masked = message;
		for (const secret of this.secrets.values()) masked = masked.split(secret).join('********');
		return masked;
	}
}
