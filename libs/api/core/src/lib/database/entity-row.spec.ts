import * as path from 'node:path';
import * as ts from 'typescript';
import { columns, snakeCase } from './entity-row';

class Sample {
  id!: string;
  fundAnnualOther!: string | null;
  level1!: string;
  createdAt!: Date;
  describe(): string {
    return this.id;
  }
}

/** Type-checks a snippet that imports entity-row.ts (ts-jest only transpiles, so the compile errors are asked of tsc). */
function compileErrors(snippet: string): string[] {
  const file = path.join(__dirname, '__row_check__.ts');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, types: [] };
  const host = ts.createCompilerHost(options);
  const source = `import { columns, type PickRow, type RowOf, type SnakeRow } from './entity-row';
class Sample { id!: string; fundAnnualOther!: string | null; level1!: string; createdAt!: Date; describe(): string { return this.id; } }
${snippet}`;
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang) => (name === file ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('entity rows', () => {
  it('names columns in snake_case as the entities do', () => {
    expect(snakeCase('fundAnnualOther')).toBe('fund_annual_other');
    expect(snakeCase('level1')).toBe('level1');
    expect(snakeCase('id')).toBe('id');
  });

  it('builds the select list, with or without a table alias', () => {
    const cols = columns<Sample>()('id', 'fund_annual_other', 'level1');
    expect(cols.names).toEqual(['id', 'fund_annual_other', 'level1']);
    expect(cols.sql()).toBe('id, fund_annual_other, level1');
    expect(cols.sql('p')).toBe('p.id, p.fund_annual_other, p.level1');
  });

  it('compiles rows of real columns with the entity types', () => {
    expect(
      compileErrors(`
const cols = columns<Sample>()('id', 'fund_annual_other', 'created_at');
const row: RowOf<typeof cols> = { id: 'a', fund_annual_other: null, created_at: new Date() };
const all: SnakeRow<Sample> = { id: 'a', fund_annual_other: '1.00', level1: 'x', created_at: new Date() };
const some: PickRow<Sample, 'level1'> = { level1: all.level1 };
export { row, some };`),
    ).toEqual([]);
  });

  it('fails to compile a column that is not a property of the entity', () => {
    expect(compileErrors(`export const cols = columns<Sample>()('id', 'fund_anual_other');`).join('\n')).toContain('"fund_anual_other"');
    expect(compileErrors(`export type R = PickRow<Sample, 'fundAnnualOther'>;`).join('\n')).toContain('fundAnnualOther');
    // methods are not columns
    expect(compileErrors(`export type R = PickRow<Sample, 'describe'>;`).join('\n')).toContain('describe');
  });

  it('fails to compile a row whose value has the wrong type', () => {
    expect(compileErrors(`export const r: PickRow<Sample, 'created_at'> = { created_at: 'yesterday' };`).join('\n')).toContain('Date');
  });
});
