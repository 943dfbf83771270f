// Validates Kubernetes objects: each must have a schema in the pinned packages, pass it, and use only declared
// fields.
import { findModel } from "./models.js";
import { unknownFieldsChecker } from "./unknown-fields.js";

/** JSON pointer /spec/containers/0/name as spec.containers[0].name, the notation of the unknown-field check. */
function fieldPath(pointer) {
  const path = pointer.split("/").filter(Boolean)
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`)).join("").replace(/^\./, "");
  return path || "(object)";
}

/** Returns one entry per object: {name: "Kind/name", problems: [...]}; no problems means valid. */
export async function validateObjects(objects) {
  const results = [];
  const checked = [];
  const models = [];
  const modelIndex = new Map();
  for (const object of objects) {
    const name = `${object?.kind ?? "?"}/${object?.metadata?.name ?? "?"}`;
    const result = { name, problems: [] };
    results.push(result);
    if (!object?.apiVersion || !object?.kind || !object?.metadata?.name) {
      result.problems.push("apiVersion, kind and metadata.name are required");
      continue;
    }
    const found = await findModel(object.apiVersion, object.kind);
    if (!found) {
      result.problems.push(`no schema for ${object.apiVersion} ${object.kind} in the pinned packages`);
      continue;
    }
    try {
      new found.Model(object).validate();
    } catch (e) {
      if (!Array.isArray(e.errors)) {
        throw e;
      }
      result.problems.push(...e.errors.map((error) => `${fieldPath(error.instancePath)}: ${error.message}`));
    }
    const key = found.specifier;
    if (!modelIndex.has(key)) {
      modelIndex.set(key, models.length);
      models.push({ specifier: found.specifier, kind: object.kind });
    }
    checked.push({ object, result, index: modelIndex.get(key) });
  }
  if (checked.length > 0) {
    const unknownFields = unknownFieldsChecker(models);
    for (const { object, result, index } of checked) {
      result.problems.push(...unknownFields(object, index));
    }
  }
  return results;
}
