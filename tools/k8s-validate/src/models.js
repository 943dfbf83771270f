// Finds the model of an object by apiVersion and kind in the schema packages this tool pins: Kubernetes 1.36
// (kubernetes-models), Strimzi 0.49/1.0 CRDs and Prometheus Operator CRDs. Each model validates an object against
// its OpenAPI schema (types, required fields, enums, formats, patterns).
export const SCHEMA_PACKAGES = [
  "kubernetes-models",
  "@kubernetes-models/strimzi-kafka-operator",
  "@kubernetes-models/prometheus-operator",
];

const NOT_THERE = new Set(["ERR_PACKAGE_PATH_NOT_EXPORTED", "ERR_MODULE_NOT_FOUND"]);

/** The module specifier and model class for apiVersion/kind, or null when no package knows them. */
export async function findModel(apiVersion, kind) {
  for (const pkg of SCHEMA_PACKAGES) {
    const specifier = `${pkg}/${apiVersion}/${kind}`;
    try {
      const module = await import(specifier);
      if (module[kind]) {
        return { specifier, Model: module[kind] };
      }
    } catch (e) {
      if (!NOT_THERE.has(e.code)) {
        throw e;
      }
    }
  }
  return null;
}
