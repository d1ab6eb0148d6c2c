import { wanCell } from './evaluation-model';

describe('the 自评表 funds in 万元', () => {
  it('prints two decimals half-up with separators; the .xlsx amount is the exact 万元', () => {
    expect(wanCell('70100000.00')).toEqual({ text: '7,010.00', amount: '7010.00', span: undefined });
    expect(wanCell('123456.78')).toEqual({ text: '12.35', amount: '12.345678', span: undefined });
    expect(wanCell('0')).toMatchObject({ text: '0.00', amount: '0.00' });
    expect(wanCell(null, 2)).toEqual({ text: '', span: 2 });
    expect(wanCell('')).toEqual({ text: '', span: undefined });
  });
});
