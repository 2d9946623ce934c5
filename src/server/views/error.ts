import { html, type Html } from '../../report/html/markup.js';
import { page, type View } from '../layout.js';

export const errorPage = (v: View, text: string): Html => page(v, null, text, html`<h1>${text}</h1>`, { path: '/', query: {} });
