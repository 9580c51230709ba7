/**
 * A small validator for the JSON-schema subset of Swagger 2.0 documents (Autotask's): local `$ref`s
 * to `#/definitions/`, `type`, `format` (`date-time`, `int32`, `int64`, `byte`), `enum`,
 * `properties`, `required`, `items`. It reports every mismatch with its JSON path.
 *
 * Two rules follow from how Autotask's document is generated: Swagger 2.0 cannot say that a value
 * may be null, while the service sends `null` for every unset field, so `null` is accepted
 * everywhere; and an object schema without properties (`Object`, `RestUserAccessLevel`) is C#'s
 * `object`, any JSON value.
 */

/** A schema node (loosely typed: specs are data). */
export type Schema = Readonly<Record<string, unknown>>;

/** A Swagger 2.0 document, as far as the validator reads it. */
export interface SwaggerDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly definitions?: Readonly<Record<string, Schema>>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolve(spec: SwaggerDocument, schema: Schema): Schema {
  let current = schema;
  for (let depth = 0; typeof current.$ref === 'string' && depth < 20; depth += 1) {
    const name = current.$ref.replace('#/definitions/', '');
    const target = spec.definitions?.[name];
    if (target === undefined) throw new Error(`unresolvable $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/u;

/** Every mismatch of `value` against `schema`, as `path: problem` strings (empty when it conforms). */
export function validate(spec: SwaggerDocument, schema: Schema, value: unknown, path = '$'): string[] {
  if (value === null) return [];
  const node = resolve(spec, schema);
  const type = node.type;
  const properties = isRecord(node.properties) ? node.properties : undefined;
  if (type === 'object' && (properties === undefined || Object.keys(properties).length === 0) && node.additionalProperties === undefined) return [];
  const errors: string[] = [];
  if (typeof type === 'string') {
    const actual = typeOf(value);
    if (!(type === actual || (type === 'number' && actual === 'integer'))) return [`${path}: expected ${type}, got ${actual}`];
  }
  const format = node.format;
  if (format === 'date-time' && (typeof value !== 'string' || !ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) errors.push(`${path}: not a date-time: ${String(value)}`);
  if (format === 'int32' && (typeof value !== 'number' || value < -(2 ** 31) || value >= 2 ** 31)) errors.push(`${path}: not an int32: ${String(value)}`);
  if (format === 'byte' && (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/u.test(value))) errors.push(`${path}: not Base64`);
  if (Array.isArray(node.enum) && !node.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(node.enum)}`);
  if (Array.isArray(value) && isRecord(node.items)) value.forEach((item, index) => errors.push(...validate(spec, node.items as Schema, item, `${path}[${index}]`)));
  if (isRecord(value) && properties !== undefined) {
    for (const name of Array.isArray(node.required) ? (node.required as string[]) : []) if (!(name in value)) errors.push(`${path}: missing required property "${name}"`);
    for (const [name, item] of Object.entries(value)) {
      const property = properties[name];
      if (isRecord(property)) errors.push(...validate(spec, property, item, `${path}.${name}`));
      else errors.push(`${path}: property "${name}" is not in the schema`);
    }
  }
  return errors;
}

/** The response schema of an operation for a status, or `undefined` when the spec gives none. */
export function responseSchema(spec: SwaggerDocument, path: string, method: string, status: number): Schema | undefined {
  const operation = spec.paths[path]?.[method.toLowerCase()];
  if (!isRecord(operation) || !isRecord(operation.responses)) throw new Error(`the spec has no operation ${method} ${path}`);
  const response = operation.responses[String(status)];
  if (!isRecord(response)) throw new Error(`the spec has no ${status} response for ${method} ${path}`);
  return isRecord(response.schema) ? response.schema : undefined;
}
