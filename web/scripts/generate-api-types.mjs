// Regenerates src/lib/api-types.ts from SelfHost's OpenAPI document: `npm run api-types -- [url-or-file] [output]`.
// Default source: a running SelfHost (scripts/run.sh) at http://127.0.0.1:7071/api/openapi.json.
// Backend.Tests' WebApp/ApiTypesTests runs this same script against the live document and fails when the
// committed file differs, so the types cannot drift from the API.
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const source = process.argv[2] ?? "http://127.0.0.1:7071/api/openapi.json";
const output = process.argv[3] ?? fileURLToPath(new URL("../src/lib/api-types.ts", import.meta.url));

const document = /^https?:/.test(source)
  ? await (await fetch(source)).text()
  : await readFile(source, "utf8");
const ast = await openapiTS(document, { alphabetize: true });
const header = "// Generated from SelfHost's /api/openapi.json by web/scripts/generate-api-types.mjs: never edit by hand.\n" +
  "// Regenerate with `npm run api-types` while scripts/run.sh runs (a test fails when this file drifts).\n\n";
await writeFile(output, header + astToString(ast));
console.log(`wrote ${output}`);
