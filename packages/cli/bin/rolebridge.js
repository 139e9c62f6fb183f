#!/usr/bin/env node
// Workspace packages are TypeScript consumed as source (STYLE.md); tsx compiles on load.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/index.ts');
await main(process.argv.slice(2), process.env);
