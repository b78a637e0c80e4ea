import { runCli } from './main';
import { nodeIO } from './node-io';

process.exitCode = await runCli(process.argv.slice(2), nodeIO());
