// Makes the document's response schemas closed for the response check: an
// object schema that lists `properties` and says nothing about others gets
// `unevaluatedProperties: false`, so a field the server sends but the
// document does not describe is reported. Members of allOf / anyOf / oneOf
// stay open (their parent is closed instead, which sees through them).
// Works on a copy; the document itself stays as written.

const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];
const SCHEMA_LISTS = ['prefixItems'];
const COMPOSITIONS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_SINGLES = ['items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalProperties', 'unevaluatedItems'];

function closeSchema(schema, inComposition) {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  for (const key of SCHEMA_MAPS) for (const child of Object.values(schema[key] ?? {})) closeSchema(child, false);
  for (const key of SCHEMA_LISTS) for (const child of schema[key] ?? []) closeSchema(child, false);
  for (const key of SCHEMA_SINGLES) closeSchema(schema[key], false);
  let composed = false;
  for (const key of COMPOSITIONS) {
    for (const child of schema[key] ?? []) closeSchema(child, true);
    composed ||= Array.isArray(schema[key]) && key === 'allOf';
  }
  const describesFields = schema.properties !== undefined || composed;
  const saysAboutOthers = 'additionalProperties' in schema || 'unevaluatedProperties' in schema || 'patternProperties' in schema;
  if (describesFields && !saysAboutOthers && !inComposition) schema.unevaluatedProperties = false;
}

function closeContent(content) {
  for (const media of Object.values(content ?? {})) closeSchema(media.schema, false);
}

/** Names of components that some allOf extends: they stay open. */
function extendedComponents(node, found = new Set()) {
  if (!node || typeof node !== 'object') return found;
  for (const member of Array.isArray(node.allOf) ? node.allOf : []) {
    const m = /^#\/components\/schemas\/(.+)$/.exec(member?.$ref ?? '');
    if (m) found.add(m[1]);
  }
  for (const child of Object.values(node)) extendedComponents(child, found);
  return found;
}

/** A copy of `doc` whose schemas reject undocumented properties. */
export function closedDocument(doc) {
  const copy = structuredClone(doc);
  const extended = extendedComponents(copy);
  for (const [name, schema] of Object.entries(copy.components?.schemas ?? {})) closeSchema(schema, extended.has(name));
  for (const response of Object.values(copy.components?.responses ?? {})) closeContent(response.content);
  for (const item of Object.values(copy.paths ?? {})) {
    for (const operation of Object.values(item)) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      for (const response of Object.values(operation.responses)) closeContent(response.content);
    }
  }
  return copy;
}
