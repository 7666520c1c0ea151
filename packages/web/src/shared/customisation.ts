import type { WebConfig } from './api.ts';

const CUSTOM_PROPERTY = /^--[A-Za-z0-9-]{1,64}$/;
// A value may not end the declaration or open a block: it stays one CSS value.
const SAFE_VALUE = /^[^;{}<>\\]{0,200}$/;
/** The custom properties the admin's config set on each document, so the ones dropped since can be removed. */
const applied = new WeakMap<Document, Set<string>>();

/**
 * Applies the admin's look: the appearance variables as CSS custom properties on the root
 * element (the stylesheet reads the Owncast-named ones, see README), the custom CSS as a style
 * element after ours, and once per page the custom JavaScript from `/customjavascript`. Called
 * again with a newer config, it removes the variables the admin has removed since.
 */
export function applyCustomisation(config: WebConfig, doc: Document = document): void {
  const root = doc.documentElement;
  const previous = applied.get(doc) ?? new Set<string>();
  const current = new Set<string>();
  for (const [rawName, value] of Object.entries(config.appearanceVariables)) {
    const name = rawName.startsWith('--') ? rawName : `--${rawName}`;
    if (!CUSTOM_PROPERTY.test(name) || !SAFE_VALUE.test(value)) continue;
    root.style.setProperty(name, value);
    current.add(name);
  }
  for (const name of previous) if (!current.has(name)) root.style.removeProperty(name);
  applied.set(doc, current);
  let style = doc.getElementById('hexcast-custom-styles');
  if (style === null) {
    style = doc.createElement('style');
    style.id = 'hexcast-custom-styles';
    doc.head.append(style);
  }
  if (style.textContent !== config.customStyles) style.textContent = config.customStyles;
  if (doc.getElementById('hexcast-custom-js') === null) {
    const script = doc.createElement('script');
    script.id = 'hexcast-custom-js';
    script.src = '/customjavascript';
    script.async = true;
    doc.body.append(script);
  }
  if (config.name !== '') doc.title = config.name;
}
