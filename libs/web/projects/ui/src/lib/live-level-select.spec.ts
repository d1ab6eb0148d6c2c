import type { NzSelectComponent } from 'ng-zorro-antd/select';
import { LiveLevelSelect } from './live-level-select';

/** The part of nz-select the live select reads and drives, with the state it changes. */
function fakeSelect(options: string[], activated: string | null, open = false) {
  const state = {
    nzOpen: open,
    activatedValue: activated as string | null,
    listOfContainerItem: options.map((o) => ({ type: 'item', nzValue: o, nzLabel: o, nzDisabled: false })),
    cleared: 0,
    setOpenState(v: boolean) {
      this.nzOpen = v;
      if (!v) this.clearInput();
    },
    clearInput() {
      this.cleared += 1;
      input.value = '';
    },
  };
  const host = document.createElement('div');
  host.innerHTML = '<nz-select><input class="ant-select-selection-search-input" /></nz-select>';
  const input = host.querySelector('input') as HTMLInputElement;
  const committed: string[] = [];
  const live = new LiveLevelSelect(host, () => state as unknown as NzSelectComponent, (v) => committed.push(v));
  return { state, input, committed, live };
}

const key = (k: string) => new KeyboardEvent('keydown', { key: k });

describe('LiveLevelSelect', () => {
  it('Enter with typed text takes the highlighted match, closes the list and keeps the focus (stay)', () => {
    const { state, input, committed, live } = fakeSelect(['产出指标'], '产出指标', true);
    input.value = '产出';
    expect(live.key(key('Enter'))).toBe('stay');
    expect(committed).toEqual(['产出指标']);
    expect(state.nzOpen).toBe(false);
    expect(input.value).toBe('');
    // Enter again, nothing typed and the list closed: the table moves down
    expect(live.key(key('Enter'))).toBe('move');
    expect(committed).toEqual(['产出指标']);
  });

  it('Enter with text typed while the list stayed closed still takes it (no key opened it)', () => {
    const { state, input, committed, live } = fakeSelect(['数量指标'], '数量指标', false);
    input.value = '数量';
    expect(live.key(key('Enter'))).toBe('stay');
    expect(committed).toEqual(['数量指标']);
    expect(state.cleared).toBe(1);
  });

  it('Tab takes typed text and moves on; Tab with nothing typed closes the list without choosing', () => {
    const a = fakeSelect(['效益指标'], '效益指标', true);
    a.input.value = '效益';
    expect(a.live.key(key('Tab'))).toBe('move');
    expect(a.committed).toEqual(['效益指标']);

    const b = fakeSelect(['产出指标', '效益指标'], '产出指标', true);
    expect(b.live.key(key('Tab'))).toBe('move');
    expect(b.committed).toEqual([]);
    expect(b.state.nzOpen).toBe(false);
  });

  it('arrows belong to the open list, and Tab then takes the highlighted option', () => {
    const { state, committed, live } = fakeSelect(['产出指标', '效益指标'], '产出指标', true);
    expect(live.key(key('ArrowDown'))).toBe('list');
    state.activatedValue = '效益指标';
    expect(live.key(key('Tab'))).toBe('move');
    expect(committed).toEqual(['效益指标']);
    // closed: the arrows move between rows
    expect(live.key(key('ArrowDown'))).toBe('move');
  });

  it('text matching no option is kept as typed', () => {
    const { state, input, committed, live } = fakeSelect([], null, true);
    state.listOfContainerItem = [];
    input.value = '自定义指标';
    live.key(key('Enter'));
    expect(committed).toEqual(['自定义指标']);
  });

  it('leaving the cell takes what was typed, unless the press was on an option of the list', () => {
    const a = fakeSelect(['产出指标'], '产出指标', true);
    a.input.value = '产出';
    a.live.leave();
    expect(a.committed).toEqual(['产出指标']);

    const b = fakeSelect(['产出指标'], '产出指标', true);
    b.input.value = '产出';
    const option = document.createElement('div');
    option.className = 'ant-select-dropdown';
    b.live.pointerDown({ target: option } as unknown as Event);
    b.live.leave();
    expect(b.committed).toEqual([]);
  });

  it('text inserted without a key press opens the list first', () => {
    const { state, input, live } = fakeSelect(['产出指标'], null, false);
    live.beforeInput({ target: input, isComposing: false, inputType: 'insertText' } as unknown as InputEvent);
    expect(state.nzOpen).toBe(true);
    state.nzOpen = false;
    // during an input method's composition the key press (keyCode 229) already opened it: nothing to do
    live.beforeInput({ target: input, isComposing: true, inputType: 'insertCompositionText' } as unknown as InputEvent);
    expect(state.nzOpen).toBe(false);
  });
});
