import * as vscode from 'vscode';

/** The "Woodpecker" log channel, made on first use (not during activation); masks the API key should it ever reach a line. */
export class Logger implements vscode.Disposable {
	private _channel: vscode.LogOutputChannel | undefined;
	private secret: string | undefined;

	constructor(private readonly name = 'Woodpecker') {}

	private get channel(): vscode.LogOutputChannel {
		this._channel ??= vscode.window.createOutputChannel(this.name, { log: true });
		return this._channel;
	}

	/** The current key, so any line that contains it is masked. */
	setSecret(secret: string | undefined): void {
		this.secret = secret?.trim() || undefined;
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

	private mask(message: string): string {
		return this.secret ? message.split(this.secret).join('********') : message;
	}
}
