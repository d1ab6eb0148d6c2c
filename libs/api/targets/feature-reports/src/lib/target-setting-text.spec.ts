import { targetSettingText } from './target-setting-text';

describe('targetSettingText (绩效目标设置情况)', () => {
  const counts = { year: 2025, units: 6, departmentTargets: 6, policyTargets: 0, policyFunds: '0', projectTargets: 25, projectFunds: '12478600.00' };

  it('prints the paragraph of a department as the 2025 coop-office budget does, money in 万元 with separators', () => {
    expect(targetSettingText(counts, 'department')).toBe(
      '按照本市预算绩效管理工作的总体要求，本部门6个预算单位开展了2025年预算绩效目标编报工作，编报部门（单位）整体绩效目标6个；政策绩效目标0个，涉及预算资金0.00万元；项目绩效目标25个，涉及项目预算资金1,247.86万元。',
    );
  });

  it('rounds half-up to two decimals of 万元 and groups thousands (Yangpu: 34,453.13万元)', () => {
    const text = targetSettingText({ ...counts, policyTargets: 1, policyFunds: '50050.00', projectFunds: '344531250.00' }, 'department');
    expect(text).toContain('政策绩效目标1个，涉及预算资金5.01万元');
    expect(text).toContain('涉及项目预算资金34,453.13万元');
  });

  it('speaks for the whole district for the finance bureau and for itself alone for a unit', () => {
    expect(targetSettingText(counts, 'finance')).toMatch(/^按照本市预算绩效管理工作的总体要求，全区6个预算单位开展了2025年/);
    expect(targetSettingText({ ...counts, units: 1, departmentTargets: 1 }, 'unit')).toMatch(/，本单位开展了2025年预算绩效目标编报工作，编报部门（单位）整体绩效目标1个；/);
  });
});
