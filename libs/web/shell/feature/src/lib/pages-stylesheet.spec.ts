import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { PagesStylesheet } from './pages-stylesheet';

describe('PagesStylesheet', () => {
  let doc: Document;
  const links = () => Array.from(doc.head.querySelectorAll('link[rel="stylesheet"]')).map((l) => l.getAttribute('href'));
  const pagesLink = () => doc.head.querySelector<HTMLLinkElement>('link[href^="zorro-pages.css"]');

  beforeEach(() => {
    doc = TestBed.inject(DOCUMENT);
    doc.head.innerHTML = '<link rel="stylesheet" href="styles-2C4QZF76.css"><style>.component {}</style>';
  });

  it('adds the stylesheet once, right after the initial one and versioned by its hash, and resolves when it has loaded', async () => {
    const sheet = TestBed.inject(PagesStylesheet);
    let done = false;
    const first = sheet.load().then(() => (done = true));
    expect(sheet.load()).toBe(sheet.load());
    expect(links()).toEqual(['styles-2C4QZF76.css', 'zorro-pages.css?v=2C4QZF76']);
    expect(doc.head.children[1]).toBe(pagesLink()); // before the components' styles
    await Promise.resolve();
    expect(done).toBe(false);
    pagesLink()?.dispatchEvent(new Event('load'));
    await first;
    expect(done).toBe(true);
  });

  it('without a hashed initial stylesheet (a development build): the plain name, at the end of <head>', () => {
    doc.head.innerHTML = '<link rel="stylesheet" href="styles.css">';
    void TestBed.inject(PagesStylesheet).load();
    expect(links()).toEqual(['styles.css', 'zorro-pages.css']);
  });

  it('a failed load rejects and takes the link away; the next navigation tries again', async () => {
    const sheet = TestBed.inject(PagesStylesheet);
    const first = sheet.load();
    pagesLink()?.dispatchEvent(new Event('error'));
    await expect(first).rejects.toThrow('zorro-pages.css 未能加载');
    expect(pagesLink()).toBeNull();
    const second = sheet.load();
    expect(second).not.toBe(first);
    pagesLink()?.dispatchEvent(new Event('load'));
    await expect(second).resolves.toBeUndefined();
  });
});
