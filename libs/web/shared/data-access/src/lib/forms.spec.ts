import { FormControl, FormGroup, FormArray, Validators } from '@angular/forms';
import { markAllInvalid } from './forms';

describe('markAllInvalid', () => {
  it('marks every control below the roots dirty, nested groups and arrays too, with their validity checked', () => {
    const name = new FormControl('', Validators.required);
    const amount = new FormControl('x');
    const row = new FormControl('');
    const form = new FormGroup({ name, funds: new FormGroup({ amount }), rows: new FormArray([new FormGroup({ row })]) });
    const other = new FormGroup({ plain: new FormControl('') });
    // a validator added after the value was set: only a new check finds it
    amount.setValidators(Validators.pattern(/^\d+$/));
    expect(amount.valid).toBe(true);
    markAllInvalid(form, other);
    expect([name.dirty, amount.dirty, row.dirty, other.controls.plain.dirty]).toEqual([true, true, true, true]);
    expect(name.invalid).toBe(true);
    expect(amount.invalid).toBe(true);
  });
});
