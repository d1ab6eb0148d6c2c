import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { DeleteOutline, PlusOutline } from '@ant-design/icons-angular/icons';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { DepartmentFormComponent } from './department-form.component';
import { departmentTarget } from './target-fixtures.testing';
import { TargetKindState } from './target-kind-state';


/** The 年度主要任务 rows: a new row takes the focus in the key or click event itself, so a fast typist's next key lands in it. */
describe('DepartmentFormComponent: adding a task row', () => {
  const setup = async () => {
    TestBed.configureTestingModule({ imports: [DepartmentFormComponent], providers: [provideNoopAnimations(), provideNzIcons([DeleteOutline, PlusOutline])] });
    const state = TestBed.runInInjectionContext(() => new TargetKindState());
    state.reset(departmentTarget(), true, true);
    const fixture = TestBed.createComponent(DepartmentFormComponent);
    fixture.componentRef.setInput('state', state);
    await fixture.whenStable();
    return { host: fixture.nativeElement as HTMLElement, state };
  };
  const names = (host: HTMLElement) => [...host.querySelectorAll<HTMLInputElement>('[data-testid="task-name"]')];

  it('Enter in 主要内容 adds a row below and focuses its name at once', async () => {
    const { host, state } = await setup();
    const content = host.querySelector<HTMLTextAreaElement>('[data-testid="task-content"]') as HTMLTextAreaElement;
    content.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    // no waiting: the next key must not go to the row where Enter was pressed
    expect(state.tasks.length).toBe(2);
    expect(document.activeElement).toBe(names(host)[1]);
  });

  it('添加任务 focuses the new row at once', async () => {
    const { host } = await setup();
    host.querySelector<HTMLButtonElement>('[data-testid="task-add"]')?.click();
    expect(names(host)).toHaveLength(2);
    expect(document.activeElement).toBe(names(host)[1]);
  });
});
