import type { TargetValue } from '@pt/domain';

/** What a row of the 自评表 and of the monitoring report keeps of its indicator, as the API item gives it. */
export interface IndicatorRowHead {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  target: TargetValue;
}

/** The indicator of a row from the API's item (of a self-evaluation or of a monitoring report). */
export function indicatorRowHead(item: IndicatorRowHead): IndicatorRowHead {
  return { indicatorId: item.indicatorId, level1: item.level1, level2: item.level2, name: item.name, target: item.target };
}
