/**
 * The server's connection, on the transport the client starts it with (the arguments
 * vscode-languageserver reads: `--stdio`, `--socket=PORT`, `--pipe=NAME`, `--node-ipc`). The stream
 * transports write through the publish encoder (encoder.ts). Node IPC (`--node-ipc`, what VS Code's
 * client uses) sends each message with `process.send`, Node's own JSON, which no encoder reaches: it
 * and a start without any of these arguments are left to the library as they were.
 */
import * as net from 'node:net';
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import {
	createConnection, ProposedFeatures, SocketMessageReader, SocketMessageWriter, StreamMessageWriter,
	type Connection, type MessageReader, type MessageWriterOptions,
} from 'vscode-languageserver/node';
import { publishEncoder } from './encoder';

export type Transport = { kind: 'stdio' } | { kind: 'socket'; port: number } | { kind: 'pipe'; name: string } | { kind: 'library' };

/** The transport the arguments name, read as vscode-languageserver reads them (the first of them counts). */
export function transportOf(argv: readonly string[]): Transport {
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const [flag, value] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, argv[i + 1]];
		if (a === '--node-ipc') {
			return { kind: 'library' };
		}
		if (a === '--stdio') {
			return { kind: 'stdio' };
		}
		if (flag === '--socket') {
			const port = parseInt(value ?? '');
			return port ? { kind: 'socket', port } : { kind: 'library' };
		}
		if (flag === '--pipe') {
			return value ? { kind: 'pipe', name: value } : { kind: 'library' };
		}
	}
	return { kind: 'library' };
}

/** A console whose output goes to the client's log: on stdio, a stray console.log would break the protocol. */
function consoleTo(connection: Connection): Console {
	const to = (send: (m: string) => void) => new Writable({
		write(chunk: Buffer | string, _encoding, done) {
			send(String(chunk).replace(/\r?\n$/, ''));
			done();
		},
	});
	return new Console({ stdout: to((m) => connection.console.log(m)), stderr: to((m) => connection.console.error(m)) });
}

/** The connection for this process's arguments. */
export function connect(argv: readonly string[] = process.argv.slice(2)): Connection {
	const t = transportOf(argv);
	const options: MessageWriterOptions = { charset: 'utf-8', contentTypeEncoder: publishEncoder() };
	if (t.kind === 'stdio') {
		// stdin as a stream, not a reader: the library then ends the process when it closes, as with `--stdio`.
		const connection = createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new StreamMessageWriter(process.stdout, options));
		// What the library does for `--stdio` (it cannot tell here): the console goes to the client's log.
		const c = consoleTo(connection);
		const from = c as unknown as Record<string, unknown>;
		const into = console as unknown as Record<string, unknown>;
		for (const k of Object.keys(console)) {
			const f = from[k];
			if (typeof f === 'function') {
				into[k] = f.bind(c);
			}
		}
		return connection;
	}
	if (t.kind === 'socket' || t.kind === 'pipe') {
		const socket = t.kind === 'socket' ? net.createConnection(t.port, '127.0.0.1') : net.createConnection(t.name);
		return createConnection(ProposedFeatures.all, new SocketMessageReader(socket), new SocketMessageWriter(socket, options));
	}
	return createConnection(ProposedFeatures.all);
}
