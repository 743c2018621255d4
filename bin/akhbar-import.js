#!/usr/bin/env node
// akhbar-import: saved news pages -> Markdown articles + ticker data. See `akhbar-import --help`
// and docs/importer.md. The implementation is compiled TypeScript (npm run compile builds dist/).
import { main } from "../dist/importer/cli.js";

process.exitCode = main(process.argv.slice(2));
