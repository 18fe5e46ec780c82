// A small typed validator for JSON payloads, with paths in its error messages.
type Schema =
  | { type: 'string'; minLength?: number; pattern?: RegExp }
  | { type: 'number'; min?: number; max?: number; integer?: boolean }
  | { type: 'boolean' }
  | { type: 'array'; items: Schema; maxItems?: number }
  | { type: 'object'; properties: Record<string, Schema>; required?: string[] };
function validate(value: unknown, schema: Schema, path = '$'): string[] {
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return [`${path}: expected string, got ${typeof value}`];
      return [
        ...(schema.minLength !== undefined && value.length < schema.minLength ? [`${path}: shorter than ${schema.minLength}`] : []),
        ...(schema.pattern && !schema.pattern.test(value) ? [`${path}: does not match ${schema.pattern}`] : []),
      ];
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) return [`${path}: expected number`];
      if (schema.integer && !Number.isInteger(value)) return [`${path}: expected integer, got ${value}`];
      if (schema.min !== undefined && value < schema.min) return [`${path}: below ${schema.min}`];
      if (schema.max !== undefined && value > schema.max) return [`${path}: above ${schema.max}`];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected array`];
      return [...(schema.maxItems !== undefined && value.length > schema.maxItems ? [`${path}: more than ${schema.maxItems} items`] : []),
        ...value.flatMap((v, i) => validate(v, schema.items, `${path}[${i}]`))];
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected object`];
      const obj = value as Record<string, unknown>;
      const missing = (schema.required ?? []).filter((k) => !(k in obj)).map((k) => `${path}.${k}: required`);
      const extra = Object.keys(obj).filter((k) => !(k in schema.properties)).map((k) => `${path}.${k}: not allowed`);
      return [...missing, ...extra, ...Object.entries(schema.properties).filter(([k]) => k in obj).flatMap(([k, s]) => validate(obj[k], s, `${path}.${k}`))];
    }
  }
}
const order: Schema = {
  type: 'object', required: ['id', 'lines'],
  properties: {
    id: { type: 'string', pattern: /^ORD-\d{4}$/ },
    express: { type: 'boolean' },
    lines: { type: 'array', maxItems: 3, items: { type: 'object', required: ['sku', 'qty'], properties: { sku: { type: 'string', minLength: 3 }, qty: { type: 'number', integer: true, min: 1, max: 99 } } } },
  },
};
const payloads: unknown[] = [
  { id: 'ORD-0001', lines: [{ sku: 'ABC', qty: 2 }] },
  { id: 'ord-1', express: 'yes', lines: [{ sku: 'A', qty: 0 }, { sku: 'XYZ', qty: 2.5 }, { qty: 1 }, { sku: 'QQQ', qty: 1 }] },
  { lines: 'none', note: 1 },
  null,
];
payloads.forEach((p, i) => { const errs = validate(p, order); console.log(`#${i}: ${errs.length === 0 ? 'valid' : errs.length + ' errors'}`); errs.forEach((e) => console.log('  ' + e)); });
