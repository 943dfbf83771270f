// The schema packages' validators accept fields their schema does not declare, as the OpenAPI documents do; the
// API server rejects them (kubectl apply --validate=strict, its default). This check finds them from the same
// packages' TypeScript declarations, which list every declared field: the TypeScript compiler resolves each
// model's type, and every field of an object is looked up in it. Free-form maps (labels, Kafka config, CRD fields
// that preserve unknown fields) are index signatures or empty object types there, and accept anything.
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const TOOL_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ENTRY = path.join(TOOL_DIR, "__models__.ts");

const OPTIONS = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/**
 * Loads the declared types of the given models ([{specifier, kind}]) and returns
 * unknownFields(object, index) -> list of "path: message" for model number index.
 */
export function unknownFieldsChecker(models) {
  const source = models
    .map((m, i) => `import type { I${m.kind} as T${i} } from ${JSON.stringify(m.specifier.replace(/\.js$/, ""))};`)
    .join("\n") + `\nexport interface Models {\n${models.map((_, i) => `  m${i}: T${i};`).join("\n")}\n}\n`;
  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    path.resolve(file) === ENTRY ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest);
  host.fileExists = (file) => path.resolve(file) === ENTRY || fileExists(file);
  const program = ts.createProgram([ENTRY], OPTIONS, host);
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(ENTRY);
  const problems = ts.getPreEmitDiagnostics(program, entry)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  if (problems.length > 0) {
    throw new Error(`Cannot load the declared types of the models:\n${problems.join("\n")}`);
  }
  const modelsType = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(entry).exports.get("Models"));
  const types = models.map((_, i) => checker.getTypeOfSymbolAtLocation(modelsType.getProperty(`m${i}`), entry));

  const typeOf = (symbol) => checker.getTypeOfSymbolAtLocation(symbol, entry);

  function walk(value, type, where, problems) {
    if (value === null || typeof value !== "object") {
      return; // scalars: the schema validator checks their types
    }
    type = checker.getNonNullableType(type);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.NonPrimitive)) {
      return;
    }
    const candidates = (type.isUnion() ? type.types : [type]);
    if (Array.isArray(value)) {
      const array = candidates.find((t) => checker.isArrayType(t));
      if (array) {
        const element = checker.getTypeArguments(array)[0];
        value.forEach((item, i) => walk(item, element, `${where}[${i}]`, problems));
      }
      return;
    }
    const objects = candidates.filter((t) => (t.flags & ts.TypeFlags.Object) && !checker.isArrayType(t));
    if (objects.length === 0) {
      return; // a scalar type: the schema validator reports the mismatch
    }
    for (const [key, child] of Object.entries(value)) {
      const at = where ? `${where}.${key}` : key;
      const owner = objects.find((t) => t.getProperty(key));
      if (owner) {
        walk(child, typeOf(owner.getProperty(key)), at, problems);
        continue;
      }
      const index = objects.flatMap((t) => checker.getIndexInfosOfType(t))
        .find((info) => info.keyType.flags & ts.TypeFlags.String);
      if (index) {
        walk(child, index.type, at, problems);
      } else if (objects.some((t) => t.getProperties().length > 0)) {
        problems.push(`${at}: unknown field`);
      }
      // An object type without fields or index signature is free-form (x-kubernetes-preserve-unknown-fields).
    }
  }

  return (object, index) => {
    const problems = [];
    walk(object, types[index], "", problems);
    return problems;
  };
}
