/**
 * Compares hexcast's OpenAPI document with Owncast's, path by path (see ADR 12 and README.md).
 * A difference is a plain sentence naming the operation, so an allow-list can name it exactly.
 *
 * For every path both documents have (Owncast's paths are relative to `/api`):
 * - methods: the same set (OPTIONS included: both answer CORS preflights);
 * - statuses: the same success statuses (1xx/2xx); each error status hexcast documents must be
 *   one Owncast documents, or Owncast must document `default`; 401 present in both or neither
 *   (the same authentication). Owncast error statuses hexcast never answers are not differences:
 *   a client prepared for them loses nothing.
 * - bodies, for each status both document: the same media types where Owncast gives a schema,
 *   and compatible JSON schemas: every property Owncast documents exists in hexcast's schema with
 *   a compatible type (integer fits number; `null` is ignored on both sides because Owncast's
 *   spec leaves out the nulls its Go handlers send), arrays compared by their items, unions
 *   compatible when some branch is. Properties only hexcast has are additions, not differences.
 */

type Schema = Record<string, unknown>;
type Document = { paths: Record<string, Record<string, Schema>>; components?: unknown };

const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete', 'options'];

export function compareWithOwncast(owncast: Document, hexcast: Document): { readonly commonPaths: string[]; readonly differences: string[] } {
  const differences: string[] = [];
  const commonPaths: string[] = [];
  const resolve = resolver(owncast);
  for (const [owncastPath, owncastItem] of Object.entries(owncast.paths)) {
    const path = `/api${owncastPath}`;
    const hexcastItem = hexcast.paths[path];
    if (hexcastItem === undefined) continue;
    commonPaths.push(path);
    const theirs = METHODS.filter((m) => owncastItem[m] !== undefined);
    const ours = METHODS.filter((m) => hexcastItem[m] !== undefined);
    for (const method of theirs.filter((m) => !ours.includes(m))) differences.push(`${method.toUpperCase()} ${path}: only Owncast has this method`);
    for (const method of ours.filter((m) => !theirs.includes(m))) differences.push(`${method.toUpperCase()} ${path}: only hexcast has this method`);
    for (const method of theirs.filter((m) => ours.includes(m))) {
      const operation = `${method.toUpperCase()} ${path}`;
      compareResponses(operation, responsesOf(owncastItem[method]!, resolve), responsesOf(hexcastItem[method]!, (s) => s), resolve, differences);
    }
  }
  return { commonPaths, differences };
}

function responsesOf(operation: Schema, resolve: (s: Schema) => Schema): Record<string, Schema> {
  const responses = (operation['responses'] ?? {}) as Record<string, Schema>;
  return Object.fromEntries(Object.entries(responses).map(([status, response]) => [status, resolve(response)]));
}

const isSuccess = (status: string) => /^[12]\d\d$/.test(status);

function compareResponses(operation: string, theirs: Record<string, Schema>, ours: Record<string, Schema>, resolve: (s: Schema) => Schema, out: string[]): void {
  const theirStatuses = Object.keys(theirs);
  const ourStatuses = Object.keys(ours);
  const theirSuccess = theirStatuses.filter(isSuccess).sort().join(',');
  const ourSuccess = ourStatuses.filter(isSuccess).sort().join(',');
  if (theirSuccess !== ourSuccess) out.push(`${operation}: success statuses differ (Owncast ${theirSuccess || 'none'}, hexcast ${ourSuccess || 'none'})`);
  for (const status of ourStatuses.filter((s) => !isSuccess(s) && s !== 'default' && !theirStatuses.includes(s) && !theirStatuses.includes('default'))) {
    out.push(`${operation}: hexcast answers ${status}, which Owncast does not document`);
  }
  if (theirStatuses.includes('401') !== ourStatuses.includes('401')) out.push(`${operation}: authentication differs (401 documented by ${theirStatuses.includes('401') ? 'Owncast' : 'hexcast'} only)`);
  for (const status of theirStatuses.filter((s) => s !== 'default' && ourStatuses.includes(s))) {
    const theirContent = (theirs[status]!['content'] ?? {}) as Record<string, Schema>;
    const ourContent = (ours[status]!['content'] ?? {}) as Record<string, Schema>;
    for (const [type, media] of Object.entries(theirContent)) {
      if (media['schema'] === undefined) continue;
      const ourMedia = ourContent[type];
      if (ourMedia === undefined) {
        out.push(`${operation} ${status}: Owncast answers ${type}, hexcast ${Object.keys(ourContent).join(', ') || 'no body'}`);
        continue;
      }
      compareSchemas(`${operation} ${status}`, resolve(media['schema'] as Schema), (ourMedia['schema'] ?? {}) as Schema, resolve, out);
    }
  }
}

function compareSchemas(where: string, theirs: Schema, ours: Schema, resolve: (s: Schema) => Schema, out: string[]): void {
  const theirBranches = branches(flatten(theirs, resolve)).map((b) => flatten(b, resolve));
  const ourBranches = branches(flatten(ours, (s) => s));
  if (ourBranches.length > 1) {
    const results = ourBranches.map((branch) => collect((sink) => compareSchemas(where, theirs, branch, resolve, sink)));
    if (!results.some((r) => r.length === 0)) out.push(...results[0]!);
    return;
  }
  if (theirBranches.length > 1) {
    const results = theirBranches.map((branch) => collect((sink) => compareSchemas(where, branch, ourBranches[0]!, resolve, sink)));
    if (!results.some((r) => r.length === 0)) out.push(...results[0]!);
    return;
  }
  const their = theirBranches[0]!;
  const our = ourBranches[0]!;
  const theirTypes = typesOf(their);
  const ourTypes = typesOf(our);
  if (theirTypes.length === 0 || ourTypes.length === 0) return;
  const fits = (t: string) => theirTypes.includes(t) || (t === 'integer' && theirTypes.includes('number'));
  const misfits = ourTypes.filter((t) => !fits(t));
  if (misfits.length > 0) {
    out.push(`${where}: hexcast sends ${ourTypes.join('|')}, Owncast documents ${theirTypes.join('|')}`);
    return;
  }
  if (ourTypes.includes('array') && their['items'] !== undefined && our['items'] !== undefined) compareSchemas(`${where}[]`, resolve(their['items'] as Schema), our['items'] as Schema, resolve, out);
  if (ourTypes.includes('object')) {
    const theirProps = (their['properties'] ?? {}) as Record<string, Schema>;
    const ourProps = our['properties'] as Record<string, Schema> | undefined;
    if (ourProps === undefined) return; // a record or free-form object: any property may be there
    for (const [name, property] of Object.entries(theirProps)) {
      const ourProperty = ourProps[name];
      if (ourProperty === undefined) out.push(`${where}: property ${name} is missing`);
      else compareSchemas(`${where}.${name}`, resolve(property), ourProperty, resolve, out);
    }
  }
}

function collect(run: (sink: string[]) => void): string[] {
  const sink: string[] = [];
  run(sink);
  return sink;
}

/** `allOf` merged into one object schema; `$ref`s resolved. */
function flatten(schema: Schema, resolve: (s: Schema) => Schema): Schema {
  const resolved = resolve(schema);
  const parts = resolved['allOf'] as Schema[] | undefined;
  if (parts === undefined) return resolved;
  const merged: Schema = { type: 'object', properties: {} };
  for (const part of parts.map((p) => flatten(p, resolve))) Object.assign(merged['properties'] as Schema, part['properties'] ?? {});
  return merged;
}

/** The non-null alternatives of `anyOf`/`oneOf`, or the schema itself. */
function branches(schema: Schema): Schema[] {
  const options = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
  if (options === undefined) return [schema];
  const nonNull = options.filter((o) => o['type'] !== 'null');
  return nonNull.length === 0 ? [schema] : nonNull;
}

function typesOf(schema: Schema): string[] {
  const type = schema['type'];
  let types: string[];
  if (typeof type === 'string') types = [type];
  else if (Array.isArray(type)) types = type as string[];
  else if ('const' in schema) types = [jsonType(schema['const'])];
  else if (Array.isArray(schema['enum'])) types = [...new Set((schema['enum'] as unknown[]).map(jsonType))];
  else if (schema['properties'] !== undefined) types = ['object'];
  else types = [];
  return types.filter((t) => t !== 'null');
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Follows local `$ref`s (`#/components/...`) of a document. */
function resolver(document: unknown): (schema: Schema) => Schema {
  const resolve = (schema: Schema, depth = 0): Schema => {
    const ref = schema['$ref'];
    if (typeof ref !== 'string' || depth > 20) return schema;
    let target: unknown = document;
    for (const part of ref.replace(/^#\//, '').split('/')) target = (target as Record<string, unknown> | undefined)?.[part];
    if (target === undefined) throw new Error(`unresolvable $ref ${ref}`);
    return resolve(target as Schema, depth + 1);
  };
  return (schema) => resolve(schema);
}
