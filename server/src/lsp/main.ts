/** Entry point of the bundled language server: the connection on the client's transport (transport.ts), then startServer. */
import { startServer } from './server';
import { connect } from './transport';

startServer(connect());
