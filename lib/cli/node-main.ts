import { runCli } from './main';
import { nodeIO } from './node-io';

process.exitCode = runCli(process.argv.slice(2), nodeIO());
