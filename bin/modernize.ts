#!/usr/bin/env node
/**
 * The `modernize` command line (contract in DESIGN.md); the commands live in shared/cli.
 */
import { main } from '#cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
