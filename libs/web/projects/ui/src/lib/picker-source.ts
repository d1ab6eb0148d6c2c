import type { Signal } from '@angular/core';
import type { LibraryPage, Suggestions } from '@pt/shared/api-types';
import type { PickerFramework, PickerSearch, PickRow } from './indicator-picker.state';

/**
 * What the indicator picker's parts read and ask for, provided by the container that talks to the API
 * (`providers: [{ provide: PickerSource, useExisting: forwardRef(() => TheContainer) }]`): the picker and its tabs
 * inject it, instead of the same inputs and outputs declared again at every level.
 */
export abstract class PickerSource {
  /** GET /api/projects/:id/suggestions (null while loading). */
  abstract readonly suggestions: Signal<Suggestions | null>;
  /** The answer to the last {@link search} (null before any search). */
  abstract readonly libraryPage: Signal<LibraryPage | null>;
  /** The project's framework (GET /api/frameworks entry) for the 一级/二级 filters. */
  abstract readonly framework: Signal<PickerFramework | null>;
  /** 三级 names already in the table, as `existingNameSet` keys: such rows show 「已在表中」 and cannot be ticked. */
  abstract readonly existing: Signal<ReadonlySet<string>>;
  /** A library search is running. */
  abstract readonly searching: Signal<boolean>;
  /** copy-last-year is running. */
  abstract readonly copying: Signal<boolean>;
  /** The table is read-only (nothing can be added). */
  abstract readonly disabled: Signal<boolean>;

  /**
   * Run GET /api/indicator-library with `frameworkCode` = the project's framework and answer in `libraryPage`
   * (not asked for an empty filter: the suggestions are shown then).
   */
  abstract search(s: PickerSearch): void;
  /** Rows `{ level1, level2, name, target }[]` to append to the table (each name once, none already in it). */
  abstract add(rows: PickRow[]): void;
  /**
   * The user confirmed copying last year's table: POST /api/projects/:id/copy-last-year with If-Match, then the
   * table is reloaded from the answered project.
   */
  abstract copyLastYear(): void;
}
