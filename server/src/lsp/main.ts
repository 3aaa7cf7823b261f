/** Entry point of the bundled language server: stdio (or node-ipc) transport, then startServer. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
