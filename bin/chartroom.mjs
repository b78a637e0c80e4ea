#!/usr/bin/env node
// The CLI runs the same TypeScript modules as the browser; tsx compiles them on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../lib/cli/node-main.ts');
