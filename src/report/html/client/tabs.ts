import { $ } from './dom.js';

/** The findings/compliance tab bar, with arrow keys between tabs. Returns a function that shows one. */
export function tabs(): (name: string) => void {
  const list = [...document.querySelectorAll<HTMLElement>('nav.tabs [role=tab]')];
  function show(name: string): void {
    for (const tab of list) {
      const on = tab.getAttribute('data-tab') === name;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      $(`panel-${tab.getAttribute('data-tab')}`).hidden = !on;
    }
  }
  list.forEach((tab, at) => {
    tab.addEventListener('click', () => show(tab.getAttribute('data-tab') as string));
    tab.addEventListener('keydown', (ev) => {
      if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
      const next = list[(at + (ev.key === 'ArrowRight' ? 1 : list.length - 1)) % list.length] as HTMLElement;
      show(next.getAttribute('data-tab') as string);
      next.focus();
    });
  });
  return show;
}
