import ExcelJS from 'exceljs';
import { ZipFile } from 'yazl';
import { assertXlsxWithinLimits, zipLimitProblem } from './zip-limits';

/** A ZIP of `files` as yazl writes it (deflated unless `compress: false`). */
async function zipOf(files: { name: string; data: Buffer; compress?: boolean }[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const f of files) zip.addBuffer(f.data, f.name, { compress: f.compress ?? true });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Make the central directory claim `size` as the unpacked size of every entry. */
function claim(buf: Buffer, size: number): Buffer {
  const out = Buffer.from(buf);
  for (let i = 0; i + 4 <= out.length; i++) if (out.readUInt32LE(i) === 0x02014b50) out.writeUInt32LE(size, i + 24);
  return out;
}

describe('zipLimitProblem', () => {
  it('lets a workbook of exceljs through', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('申报表');
    for (let r = 1; r <= 200; r++) ws.addRow(['产出指标', '数量指标', `指标${r}`, '≥60个']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(zipLimitProblem(buf)).toBeNull();
    expect(() => assertXlsxWithinLimits(buf)).not.toThrow();
  });

  it('refuses more unpacked bytes or entries than the limits (413)', async () => {
    const bomb = await zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(3000, 0x20) }]);
    expect(zipLimitProblem(bomb, 2999)).toEqual({ status: 413, message: '工作簿解压后过大（超过 0 MB），请分成几个文件导入' });
    expect(zipLimitProblem(bomb, 3000)).toBeNull();
    const many = await zipOf(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect(zipLimitProblem(many, 1000, 10)).toEqual({ status: 413, message: '工作簿过大：包含 11 个文件，上限 10 个' });
    expect(zipLimitProblem(many, 1000, 11)).toBeNull();
  });

  it('catches an archive that claims less than it unpacks to, stored or deflated', async () => {
    const data = Buffer.alloc(100_000, 0x41);
    expect(zipLimitProblem(claim(await zipOf([{ name: 'a.xml', data }]), 10))).toEqual({ status: 413, message: '工作簿解压后过大（超过其声明的大小），请分成几个文件导入' });
    expect(zipLimitProblem(claim(await zipOf([{ name: 'a.xml', data }]), 0))).toMatchObject({ status: 413 });
    // claiming more than there is: not an archive exceljs would read either
    expect(zipLimitProblem(claim(await zipOf([{ name: 'a.xml', data }]), 200_000))).toEqual({ status: 400, message: '文件不是有效的 .xlsx 工作簿' });
    expect(zipLimitProblem(claim(await zipOf([{ name: 'a.xml', data, compress: false }]), 10))).toEqual({ status: 400, message: '文件不是有效的 .xlsx 工作簿' });
  });

  it('refuses what is no ZIP archive with 400, and leaves an empty body to the import', () => {
    expect(zipLimitProblem(Buffer.from('PK\u0003\u0004 not really'))).toEqual({ status: 400, message: '文件不是有效的 .xlsx 工作簿' });
    expect(zipLimitProblem(Buffer.alloc(0))).toEqual({ status: 400, message: '文件不是有效的 .xlsx 工作簿' });
    expect(() => assertXlsxWithinLimits(Buffer.from('nope'))).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => assertXlsxWithinLimits(Buffer.alloc(0))).not.toThrow();
    expect(() => assertXlsxWithinLimits(undefined)).not.toThrow();
  });
});
