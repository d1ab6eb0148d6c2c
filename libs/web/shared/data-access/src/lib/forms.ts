import { FormArray, FormGroup, type AbstractControl } from '@angular/forms';

/**
 * Shows the refusals of a form the user tried to send: every control below `root` (its groups and arrays, at any
 * depth) is marked dirty and checked again, so each invalid field shows its message as after typing in it.
 */
export function markAllInvalid(...roots: AbstractControl[]): void {
  for (const root of roots) {
    if (!(root instanceof FormGroup || root instanceof FormArray)) continue;
    for (const c of Object.values<AbstractControl>(root.controls)) {
      // the children first: a group's validity is then worked out from theirs
      markAllInvalid(c);
      c.markAsDirty();
      c.updateValueAndValidity({ onlySelf: true });
    }
  }
}
