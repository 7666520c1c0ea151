import type { WebConfig } from './api.ts';

const CUSTOM_PROPERTY = /^--[A-Za-z0-9-]{1,64}$/;
// A value may not end the declaration or open a block: it stays one CSS value.
const SAFE_VALUE = /^[^;{}<>\\]{0,200}$/;

/**
 * Applies the admin's look: the appearance variables as CSS custom properties on the root
 * element (the stylesheet reads the Owncast-named ones, see README), the custom CSS as a style
 * element after ours, and once per page the custom JavaScript from `/customjavascript`.
 */
export function applyCustomisation(config: WebConfig, doc: Document = document): void {
  const root = doc.documentElement;
  for (const [rawName, value] of Object.entries(config.appearanceVariables)) {
    const name = rawName.startsWith('--') ? rawName : `--${rawName}`;
    if (CUSTOM_PROPERTY.test(name) && SAFE_VALUE.test(value)) root.style.setProperty(name, value);
  }
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
