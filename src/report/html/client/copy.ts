import { h } from './dom.js';

export interface CopyWords {
  copied: string;
  copyFailed: string;
}

/**
 * Copies a command: the clipboard API where the page may use it, else execCommand (file:// pages
 * and older browsers), and when both are blocked the command is selected so that Ctrl+C works.
 */
export function copy(text: string, code: HTMLElement, status: HTMLElement, words: CopyWords): void {
  const done = () => {
    status.textContent = words.copied;
  };
  const fallback = () => {
    const area = h('textarea', 'offscreen');
    area.value = text;
    area.setAttribute('readonly', '');
    document.body.appendChild(area);
    area.select();
    let ok: boolean;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    document.body.removeChild(area);
    if (ok) return done();
    const range = document.createRange();
    range.selectNodeContents(code);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    status.textContent = words.copyFailed;
  };
  // navigator.clipboard is missing on some pages (the type says otherwise).
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (clipboard?.writeText) clipboard.writeText(text).then(done, fallback);
  else fallback();
}
