import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { loadOn } from './load-on';

@Component({ selector: 'pt-load-on-host', template: '' })
class HostComponent {
  readonly id = signal('a');
  readonly loads: string[] = [];
  readonly reload = loadOn(() => this.id(), (id) => this.loads.push(id));
}

describe('loadOn', () => {
  it('loads at once, on every change of the source and on reload; nothing after the page is gone', () => {
    const fixture = TestBed.createComponent(HostComponent);
    const host = fixture.componentInstance;
    TestBed.tick();
    expect(host.loads).toEqual(['a']);
    host.id.set('b');
    TestBed.tick();
    host.reload();
    TestBed.tick();
    expect(host.loads).toEqual(['a', 'b', 'b']);
    host.reload();
    fixture.destroy();
    TestBed.tick();
    expect(host.loads).toEqual(['a', 'b', 'b']);
  });
});
