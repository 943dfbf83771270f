#!/usr/bin/env node
// Usage: node validate.js <manifests.yaml>... (`-` reads stdin, e.g. kubectl kustomize k8s/overlays/prod | …)
// Validates every object of every YAML document; prints one line per object and exits 1 if any is invalid.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { validateObjects } from "./src/validate.js";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node validate.js <manifests.yaml>... (- for stdin)");
  process.exit(2);
}
let invalid = 0;
let total = 0;
for (const file of files) {
  const text = readFileSync(file === "-" ? 0 : file, "utf8");
  const documents = parseAllDocuments(text);
  const syntax = documents.flatMap((d) => d.errors.map((e) => e.message));
  if (syntax.length > 0) {
    console.log(`${file}: not YAML: ${syntax.join("; ")}`);
    invalid++;
    continue;
  }
  const objects = documents.map((d) => d.toJS()).filter((o) => o !== null);
  for (const { name, problems } of await validateObjects(objects)) {
    total++;
    if (problems.length === 0) {
      console.log(`ok       ${file}: ${name}`);
    } else {
      invalid++;
      console.log(`INVALID  ${file}: ${name}\n${problems.map((p) => `           ${p}`).join("\n")}`);
    }
  }
}
console.log(`${total - invalid} of ${total} objects valid`);
process.exit(invalid === 0 ? 0 : 1);
