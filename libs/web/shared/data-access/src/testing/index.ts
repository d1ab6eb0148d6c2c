import type { ComponentFixture } from '@angular/core/testing';

/**
 * Lets a page under test take in what its (mocked) APIs answered: a few macrotask turns, each followed by change
 * detection, so promise chains started in the constructor (a load, then a second load it triggers) have run and shown.
 */
export async function settle(fixture: ComponentFixture<unknown>, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
  }
}
