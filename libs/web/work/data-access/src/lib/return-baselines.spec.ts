import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@pt/web/auth/data-access';
import { ReturnBaselines } from './return-baselines';

describe('ReturnBaselines', () => {
  const user = signal<{ id: string } | null>({ id: 'u1' });
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [{ provide: AuthStore, useValue: { user } }] });
  });

  it('keeps what a reviewer returned, per reviewer', () => {
    const store = TestBed.inject(ReturnBaselines);
    user.set({ id: 'u1' });
    store.save('t1', { version: 3 });
    expect(store.get('t1')).toEqual({ version: 3 });
    user.set({ id: 'u2' });
    expect(store.get('t1')).toBeNull();
    user.set(null);
    store.save('t1', { version: 9 });
    expect(store.get('t1')).toBeNull();
  });

  it('forgets the oldest beyond 200 and survives a broken entry', () => {
    const store = TestBed.inject(ReturnBaselines);
    user.set({ id: 'u1' });
    for (let i = 0; i < 201; i++) store.save(`t${i}`, { version: i }, 1000 + i);
    expect(store.get('t0')).toBeNull();
    expect(store.get('t200')).toEqual({ version: 200 });
    localStorage.setItem('pt.returned.u1', '{broken');
    expect(store.get('t200')).toBeNull();
  });
});
