import { WorkbenchTodoSources, type WorkbenchTodoSource } from './todo-sources';

const source = (name: string): WorkbenchTodoSource => ({ name, todo: async () => [] });

describe('WorkbenchTodoSources', () => {
  it('answers the registered sources in the order they registered', () => {
    const sources = new WorkbenchTodoSources();
    sources.register(source('fill'));
    sources.register(source('rectification'));
    expect(sources.all().map((s) => s.name)).toEqual(['fill', 'rectification']);
  });

  it('refuses a source registered twice (its items would show twice)', () => {
    const sources = new WorkbenchTodoSources();
    sources.register(source('review'));
    expect(() => sources.register(source('review'))).toThrow('review');
  });
});
