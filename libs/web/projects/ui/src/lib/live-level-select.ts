import type { NzSelectComponent } from 'ng-zorro-antd/select';
import { pickLevelValue } from './table-cells';

/** nz-select's search box (the table has one select: the live one). */
function isSearchInput(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.classList.contains('ant-select-selection-search-input');
}

/** What the table does with a navigation key pressed in the live select. */
export type LiveKeyOutcome = 'stay' | 'move' | 'list';

/**
 * The keyboard of the table's one live 一级/二级 select (an nz-select), on top of its own: typing
 * opens and filters the list — also text that comes without a key press (an input method's, a
 * test's `insertText`) —, Enter takes the highlighted match and stays in the cell (Enter again moves
 * down), Tab takes it and moves on, and text typed but not chosen is taken when the cell is left by
 * the mouse: never dropped (a text that matches no option is kept and the checks flag it).
 */
export class LiveLevelSelect {
  /** ↑/↓ moved the highlight in the open list (Tab then takes it, as Enter does). */
  private arrowed = false;
  /** The last pointer press was in a select's list: an option click chooses, leaving must not. */
  private pressInList = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly select: () => NzSelectComponent | undefined,
    private readonly commit: (value: string) => void,
  ) {}

  /** The focus left an element of the table: the live select's search box means leaving the cell. */
  focusOut(e: FocusEvent): void {
    if (isSearchInput(e.target)) this.leave();
  }

  /** The live select's search box. */
  input(): HTMLInputElement | null {
    return this.host.querySelector<HTMLInputElement>('nz-select input.ant-select-selection-search-input');
  }

  /** Text typed into the search box and not yet a value. */
  typed(): string {
    return this.input()?.value ?? '';
  }

  /**
   * A navigation key (Tab, Enter, ↑, ↓) in the live select: 'stay' when it chose (keep the focus),
   * 'move' to go on with the table's navigation, 'list' to leave the key to the open list.
   */
  key(e: KeyboardEvent): LiveKeyOutcome {
    const select = this.select();
    if (!select) return 'move';
    const typed = this.typed().trim() !== '';
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
        if (!select.nzOpen) return 'move';
        this.arrowed = true;
        return 'list';
      case 'Enter':
        if (!typed && !select.nzOpen) return 'move';
        this.take(true);
        return 'stay';
      case 'Tab':
        this.take(typed || this.arrowed);
        return 'move';
      default:
        return 'list';
    }
  }

  /** Text about to be inserted without a key press (IME, insertText): open the list first, so that it filters in view. */
  beforeInput(e: InputEvent): void {
    // every key typed anywhere in the table passes here: the cheap tests first (no DOM query)
    if (!isSearchInput(e.target) || e.isComposing || !e.inputType.startsWith('insert')) return;
    const select = this.select();
    if (!select || select.nzOpen) return;
    // opening clears the search box: it is empty while closed, so nothing typed is lost
    select.setOpenState(true);
  }

  pointerDown(e: Event): void {
    this.pressInList = (e.target as Element | null)?.closest?.('.ant-select-dropdown') != null;
  }

  /** The focus left the live select (or another level cell is about to become it): take what was typed. */
  leave(): void {
    if (this.pressInList) {
      this.pressInList = false;
      return;
    }
    if (this.typed().trim() !== '') this.take(true);
  }

  /** Take the typed text (and, when `highlighted`, the highlighted option); close and clear the list. */
  take(highlighted: boolean): void {
    const select = this.select();
    if (!select) return;
    const listed = select.listOfContainerItem.filter((i) => i.type === 'item').map((i) => ({ value: i.nzValue, disabled: i.nzDisabled }));
    const value = pickLevelValue(listed, highlighted ? select.activatedValue : undefined, this.typed());
    this.arrowed = false;
    if (select.nzOpen) select.setOpenState(false);
    else select.clearInput();
    if (value !== null) this.commit(value);
  }
}
