import type { Framework, FrameworkGroup } from './types';

/**
 * The indicator frameworks (domain §3) with their default 一级 weights (domain §8).
 * Weights are points out of the 90 indicator points; null = no official weight
 * (a `cost` group shares the output weight; otherwise the 90 are split equally).
 */
export const MOF_2021: Framework = {
  code: 'mof-2021',
  name: '财政部2021版共性指标框架（财预〔2021〕101号）',
  groups: [
    { name: '成本指标', weight: null, role: 'cost', children: ['经济成本指标', '社会成本指标', '生态环境成本指标'] },
    { name: '产出指标', weight: 50, role: 'output', children: ['数量指标', '质量指标', '时效指标'] },
    {
      name: '效益指标',
      weight: 30,
      role: 'benefit',
      children: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
    },
    { name: '满意度指标', weight: 10, role: 'satisfaction', children: ['服务对象满意度指标'] },
  ],
};

export const SHANGHAI_2020: Framework = {
  code: 'shanghai-2020',
  name: '上海市2020版项目支出绩效目标框架',
  groups: [
    { name: '投入与管理', weight: null, role: 'management', children: ['投入管理', '财务管理', '实施管理'] },
    { name: '产出目标', weight: null, role: 'output', children: ['数量', '质量', '时效'] },
    { name: '效果目标', weight: null, role: 'benefit', children: ['经济效益', '社会效益', '满意度'] },
    { name: '影响力目标', weight: null, role: 'impact', children: ['长效管理', '人力资源', '部门协助'] },
  ],
};

export const FRAMEWORKS: readonly Framework[] = [MOF_2021, SHANGHAI_2020];

export function getFramework(code: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.code === code);
}

/** Normalise a 一级/二级 label as printed in published tables ("成本 指标" → "成本指标"). */
export function normaliseLevelName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '').trim();
}

export function findGroup(framework: Framework, level1: string): FrameworkGroup | undefined {
  const n = normaliseLevelName(level1);
  return framework.groups.find((g) => g.name === n);
}

/** The 二级 "满意度" of shanghai-2020 sits under 效果目标 but is a satisfaction indicator. */
export function isSatisfactionLevel2(level2: string): boolean {
  return normaliseLevelName(level2).includes('满意度');
}
