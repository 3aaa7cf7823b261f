#!/usr/bin/env node
/** Entry point of the `copydesk` command (bundled to server/out/cli.js). */
import { main, nodeIo } from './cli/main';

process.exitCode = main(process.argv.slice(2), nodeIo());
