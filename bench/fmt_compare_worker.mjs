// prettier with prettier-plugin-sql-cst (--parser sqlite) for
// bench/fmt_compare.py, speaking the protocol of fmt_compare_worker.py:
//
//     node bench/fmt_compare_worker.mjs NPM_FOLDER
//
// NPM_FOLDER is where the script installed prettier and the plugin.  One
// JSON line when ready, then one JSON answer per JSON request line.

import { createRequire } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

function send(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

const folder = process.argv[2];
let prettier;
let plugin;
let version;
try {
  const require = createRequire(join(folder, "package.json"));
  // require.resolve finds the CommonJS entries, whose exports import() puts under default.
  const load = async (name) => {
    const module = await import(pathToFileURL(require.resolve(name)).href);
    return module.default ?? module;
  };
  prettier = await load("prettier");
  plugin = await load("prettier-plugin-sql-cst");
  const pluginVersion = require("prettier-plugin-sql-cst/package.json").version;
  version = `${pluginVersion} (prettier ${prettier.version})`;
} catch (error) {
  send({ ready: false, error: String(error) });
  process.exit(1);
}
send({ ready: true, version });

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const request = JSON.parse(line);
  const start = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - start) / 1e9;
  try {
    const out = await prettier.format(request.sql, {
      parser: "sqlite",
      plugins: [plugin],
      printWidth: request.width,
      sqlKeywordCase: "upper",
      // SQLite's parameters (the plugin rejects them all by default).
      sqlParamTypes: ["?", "?nr", ":name", "$name", "@name"],
    });
    send({ out, seconds: seconds() });
  } catch (error) {
    const first = String(error && error.message ? error.message : error).split("\n")[0];
    send({ error: `${error && error.name ? error.name : "Error"}: ${first}`, seconds: seconds() });
  }
}
