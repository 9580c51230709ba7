/**
 * A small validator for the JSON-schema subset OpenAPI 3.0 specs use: `$ref` (local), `allOf`,
 * `oneOf`/`anyOf`, `type`, `nullable`, `enum`, `properties`, `required`, `additionalProperties`,
 * `items`. Formats are not checked. It reports every mismatch with its JSON path, so that a test can
 * show all the ways a response differs from the spec at once.
 */

/** A schema node (loosely typed: specs are data). */
export type Schema = Readonly<Record<string, unknown>>;

/** An OpenAPI document, as far as the validator reads it. */
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolve(spec: OpenApiDocument, schema: Schema): Schema {
  let current = schema;
  for (let depth = 0; typeof current.$ref === 'string' && depth < 20; depth += 1) {
    const ref = current.$ref;
    const name = ref.replace('#/components/schemas/', '');
    const target = spec.components?.schemas?.[name];
    if (target === undefined) throw new Error(`unresolvable $ref ${ref}`);
    current = target;
  }
  return current;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * The properties a node's `allOf`/`anyOf`/`oneOf` branches declare. Atlassian's specs put
 * `additionalProperties: false` on unions such as `JqlQueryClause` (`anyOf` of clause kinds, no
 * `properties` of its own); read literally, that would refuse every property, so the branches'
 * properties count as the node's own — what JSON Schema's `unevaluatedProperties` means.
 */
function composedProperties(spec: OpenApiDocument, node: Schema): Record<string, Schema> {
  const allowed: Record<string, Schema> = {};
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = node[keyword];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches as Schema[]) {
      const resolved = resolve(spec, branch);
      // The branches check their own properties (the allOf/anyOf/oneOf checks above); here a name only needs to be allowed.
      for (const name of [...Object.keys(composedProperties(spec, resolved)), ...Object.keys(isRecord(resolved.properties) ? resolved.properties : {})]) allowed[name] = {};
    }
  }
  return allowed;
}

/** Every mismatch of `value` against `schema`, as `path: problem` strings (empty when it conforms). */
export function validate(spec: OpenApiDocument, schema: Schema, value: unknown, path = '$'): string[] {
  const node = resolve(spec, schema);
  const errors: string[] = [];
  if (value === null) {
    if (node.nullable === true || node.type === undefined) return [];
    return [`${path}: null is not allowed (expected ${String(node.type)})`];
  }
  if (Array.isArray(node.allOf)) {
    for (const part of node.allOf as Schema[]) errors.push(...validate(spec, part, value, path));
  }
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const options = node[keyword];
    if (Array.isArray(options) && options.length > 0) {
      const results = (options as Schema[]).map((option) => validate(spec, option, value, path));
      if (!results.some((result) => result.length === 0)) errors.push(`${path}: matches none of ${keyword} (${results.map((result) => result[0]).join(' | ')})`);
    }
  }
  const type = node.type;
  if (typeof type === 'string') {
    const actual = typeOf(value);
    const ok = type === actual || (type === 'number' && actual === 'integer');
    if (!ok) return [...errors, `${path}: expected ${type}, got ${actual}`];
  }
  if (Array.isArray(node.enum) && !node.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(node.enum)}`);
  if (Array.isArray(value) && isRecord(node.items)) {
    value.forEach((item, index) => errors.push(...validate(spec, node.items as Schema, item, `${path}[${index}]`)));
  }
  if (isRecord(value) && (type === 'object' || node.properties !== undefined || node.additionalProperties !== undefined)) {
    const properties = { ...composedProperties(spec, node), ...(isRecord(node.properties) ? node.properties : {}) };
    for (const name of Array.isArray(node.required) ? (node.required as string[]) : []) {
      if (!(name in value)) errors.push(`${path}: missing required property "${name}"`);
    }
    for (const [name, item] of Object.entries(value)) {
      const property = properties[name];
      if (isRecord(property)) errors.push(...validate(spec, property, item, `${path}.${name}`));
      else if (node.additionalProperties === false) errors.push(`${path}: unexpected property "${name}"`);
      else if (isRecord(node.additionalProperties)) errors.push(...validate(spec, node.additionalProperties, item, `${path}.${name}`));
    }
  }
  return errors;
}

/** The response schema of an operation for a status (JSON content), or `undefined` when the spec gives none. */
export function responseSchema(spec: OpenApiDocument, path: string, method: string, status: number): Schema | undefined {
  const operation = spec.paths[path]?.[method.toLowerCase()];
  if (!isRecord(operation) || !isRecord(operation.responses)) throw new Error(`the spec has no operation ${method} ${path}`);
  const response = operation.responses[String(status)];
  if (!isRecord(response)) throw new Error(`the spec has no ${status} response for ${method} ${path}`);
  const content = isRecord(response.content) ? response.content : undefined;
  const json = content?.['application/json'];
  return isRecord(json) && isRecord(json.schema) ? json.schema : undefined;
}
