#!/usr/bin/env node
// The compiled CLI (npm install runs `prepare: tsc`, which writes dist/).
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
