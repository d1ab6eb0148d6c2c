import { DOCUMENT } from '@angular/common';
import { inject, Injectable } from '@angular/core';

/**
 * The bundle of apps/web/project.json's global styles that is not injected ("inject": false): ng-zorro's styles of the
 * components only the pages inside the shell use (table, select, date picker, modal …). The login page does without
 * them, so they are not part of the initial bundle; the shell's route waits for them before it renders.
 */
export const PAGES_STYLESHEET = 'zorro-pages.css';

/** Loads the pages' stylesheet once. */
@Injectable({ providedIn: 'root' })
export class PagesStylesheet {
  private readonly doc = inject(DOCUMENT);
  private loading: Promise<void> | null = null;

  /** Resolves once the stylesheet has loaded; rejects when it cannot (like a lazy chunk: the navigation fails, a later one tries again). */
  load(): Promise<void> {
    this.loading ??= new Promise<void>((resolve, reject) => {
      const link = this.doc.createElement('link');
      link.rel = 'stylesheet';
      link.href = this.href();
      link.onload = () => resolve();
      link.onerror = () => {
        link.remove();
        this.loading = null;
        reject(new Error(`${PAGES_STYLESHEET} 未能加载`));
      };
      // right after the initial stylesheet, so the order of the global styles stays project.json's and the
      // components' own styles (added to <head> as they render) still come after all of them
      const initial = this.initialStylesheet();
      if (initial) initial.after(link);
      else this.doc.head.appendChild(link);
    });
    return this.loading;
  }

  private initialStylesheet(): HTMLLinkElement | null {
    return this.doc.head.querySelector<HTMLLinkElement>('link[rel="stylesheet"][href^="styles"]');
  }

  /**
   * A non-injected bundle keeps its plain name (no content hash; the server lets a browser keep it an hour), so it is
   * asked for with the initial stylesheet's hash, which changes with ng-zorro's version and with project.json's list.
   */
  private href(): string {
    const version = /^styles-([A-Z0-9]+)\.css/i.exec(this.initialStylesheet()?.getAttribute('href') ?? '')?.[1];
    return version ? `${PAGES_STYLESHEET}?v=${version}` : PAGES_STYLESHEET;
  }
}
