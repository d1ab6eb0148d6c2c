/**
 * The 绩效指标 cell of a publication list as one text: `数量指标: ★资金支付率 定量 ≥90%; 社会效益: …`.
 * Each `二级: 三级 指标值` part becomes a row of the mof-2021 framework (the 一级 follows from the 二级).
 * A `★` in front of a name marks a core indicator; `定性` / `定量` between a name and its value (bare,
 * bracketed or glued to the value) only says what kind the value is and is dropped; a cell wrapped over
 * several lines is joined back where a line does not start a new part.
 */
import { MOF_2021 } from '../frameworks';
import { normaliseTargetChars } from '../target-value';
import type { FrameworkGroup } from '../types';
import { findLevel1, findLevel2, quote, squash, stripHtml } from './import-helpers';
import type { ImportProblem, ImportedRow } from './import-types';

const SATISFACTION = MOF_2021.groups.find((g) => g.role === 'satisfaction');

type Prefix = { level2: string; group: FrameworkGroup } | { ambiguous: string } | null;

/** `数量指标`, `数量`, `社会效益`, `产出指标-数量指标`, `满意度` → the mof-2021 二级. */
function resolvePrefix(prefix: string): Prefix {
  const parts = squash(normaliseTargetChars(prefix)).split(/[-—–/／>·]/);
  const p = parts[parts.length - 1];
  if (p === '') return null;
  for (const candidate of [p, p + '指标']) {
    const l2 = findLevel2(MOF_2021, candidate);
    if (l2) return { level2: l2.name, group: l2.group };
  }
  for (const candidate of [p, p + '指标']) {
    const l1 = findLevel1(MOF_2021, candidate);
    if (l1 && l1.children.length === 1) return { level2: l1.children[0], group: l1 };
    if (l1) return { ambiguous: l1.name };
  }
  if ((p === '满意度' || p === '服务对象满意度') && SATISFACTION) return { level2: SATISFACTION.children[0], group: SATISFACTION };
  return null;
}

/** Words that end a qualitative 三级 text as its value (`…产业发展水平提高`), longest first. */
const GRADE_WORDS = [
  '支撑作用明显',
  '明显提升',
  '显著提升',
  '有所提升',
  '逐步提高',
  '有效保障',
  '完全符合',
  '提高',
  '提升',
  '加强',
  '促进',
  '保障',
  '扩大',
  '优化',
  '良好',
  '有效',
  '及时',
  '健全',
  '完善',
  '明显',
  '显著',
  '达标',
  '合格',
  '符合',
];

const OPERATOR_SPLIT_RE = /^(.*?)[\s\u3000]*((?:>=|<=|==|≥|≤|≧|≦|＞＝|＜＝|＞=|＜=|>|<|=|＞|＜|＝)[\s\u3000]*[-−]?[0-9０-９].*)$/s;
const COMPARE_SPLIT_RE = /^(.+?)(比.+?(?:低|高|减少|增加|节约)[\s\u3000]*(?:不少于|不低于|不超过|不高于).*)$/s;

/** `资金支付率≥90%` → 资金支付率 | ≥90%; `群众知晓度 良好` → 群众知晓度 | 良好; `水平提高` → 水平 | 提高. */
export function splitIndicator(body: string): { name: string; target: string } {
  const b = body.trim();
  let m = OPERATOR_SPLIT_RE.exec(b);
  if (m && m[1].trim() !== '') return { name: m[1].trim(), target: m[2].trim() };
  m = COMPARE_SPLIT_RE.exec(b);
  if (m && m[1].trim() !== '') return { name: m[1].trim(), target: m[2].trim() };
  m = /^(.*\S)[\s\u3000]+(\S+)$/s.exec(b);
  if (m) return { name: m[1].trim(), target: m[2].trim() };
  const word = GRADE_WORDS.find((w) => b.endsWith(w) && b.length > w.length);
  if (word) return { name: b.slice(0, b.length - word.length).trim(), target: word };
  return { name: b, target: '' };
}

const CORE_RE = /^[\s\u3000]*★[\s\u3000]*/;
/** `定性` / `定量` (also `定量指标`), bracketed or not, with the white space and colon around it. */
const KIND_RE = /[\s\u3000]*([（(【[]?)(定性|定量)(?:指标)?([)）】\]]?)[\s\u3000]*[:：]?[\s\u3000]*/g;
const VALUE_START_RE = /^(?:>=|<=|≥|≤|≧|≦|＞|＜|＝|>|<|=|[-−]?[0-9０-９]|比)/;

/**
 * A name and a value split at a 定性/定量 marker. A marker glued to both neighbours (`鉴定性能`) only
 * counts when what follows is a value (`定量≥90%`) or a grade word (`定性良好`); the last marker wins
 * (a name may hold the word: `定量考核完成率 定量 =100%`).
 */
function splitAtKind(b: string): { name: string; target: string } | null {
  let found: { name: string; target: string } | null = null;
  for (const m of b.matchAll(KIND_RE)) {
    const start = m.index ?? 0;
    const name = b.slice(0, start).trim();
    const target = b.slice(start + m[0].length).trim();
    if (name === '' || target === '') continue;
    const delimited = m[1] !== '' || m[3] !== '' || /^[\s\u3000]|[\s\u3000:：]$/.test(m[0]);
    const glued = m[2] === '定量' ? VALUE_START_RE.test(normaliseTargetChars(target)) : GRADE_WORDS.includes(target);
    if (delimited || glued) found = { name, target };
  }
  return found;
}

/** One indicator: `★` → core, a 定性/定量 marker dropped, then the name and its value. */
export function readIndicator(body: string): { name: string; target: string; core: boolean } {
  let b = body.trim();
  const star = CORE_RE.exec(b);
  const core = star !== null;
  if (star) b = b.slice(star[0].length);
  // a marker in front of the name (`定量 资金支付率≥90%`)
  b = b.replace(/^[（(【[]?(?:定性|定量)(?:指标)?[)）】\]]?(?:[\s\u3000]+|[:：][\s\u3000]*|(?<=[)）】\]]))/, '');
  const marked = splitAtKind(b);
  return { ...(marked ?? splitIndicator(b)), core };
}

const PREFIX_RE = /^[\s\u3000]*★?[\s\u3000]*([^:：;；]{1,24})[:：]/;

function startsPart(line: string): boolean {
  const m = PREFIX_RE.exec(line);
  return m !== null && resolvePrefix(m[1]) !== null;
}

/**
 * A cell wrapped over several lines, joined back into its parts, each with the line where it starts: a
 * line break stays (it separates parts) where the next line starts a `二级:` part, or where the text so
 * far is a whole indicator and the next line does not continue a number (`≥9` / `5%`); else the lines
 * are one text (Chinese wraps without a space).
 */
export function joinWrapped(text: string, line: number): Array<{ text: string; line: number; joins: Array<{ at: number; line: number }> }> {
  const out: Array<{ text: string; line: number; joins: Array<{ at: number; line: number }> }> = [];
  text.split('\n').forEach((raw, k) => {
    const last = out[out.length - 1];
    const t = raw.trim();
    if (last && t !== '' && !startsPart(t)) {
      const sofar = last.text.slice(last.text.search(/[^;；]*$/));
      const body = sofar.replace(PREFIX_RE, '').trim();
      const whole =
        body === '' ||
        (readIndicator(body).target !== '' && !/^[0-9０-９.%％)）]/.test(t) && !/(?:>=|<=|[≥≤><=＞＜＝]|定性|定量)$/.test(body));
      if (!whole) {
        last.joins.push({ at: last.text.length, line: line + k });
        last.text += t;
        return;
      }
    }
    out.push({ text: raw, line: line + k, joins: [] });
  });
  return out;
}

/** The rows of one 绩效指标 text; `line` is where the cell starts. */
export function parseIndicatorText(text: string, line: number, problems: ImportProblem[]): ImportedRow[] {
  const rows: ImportedRow[] = [];
  let level2: { level2: string; group: FrameworkGroup } | null = null;
  for (const part of joinWrapped(text, line)) {
    for (const m of part.text.matchAll(/[^;；]+/g)) {
      // a part starts on the line where its first character was printed
      const at = (m.index ?? 0) + m[0].search(/\S|$/);
      const segLine = part.joins.filter((j) => j.at <= at).pop()?.line ?? part.line;
      const r = readSegment(m[0], segLine, level2, problems);
      if (r.level2) level2 = r.level2;
      if (r.row) rows.push(r.row);
    }
  }
  return rows;
}

type Level2 = { level2: string; group: FrameworkGroup };

/** One `二级: ★三级 定量 值` part: the 二级 it sets (if any) and its row (if any), or a problem. */
function readSegment(raw: string, segLine: number, level2: Level2 | null, problems: ImportProblem[]): { level2?: Level2; row?: ImportedRow } {
  let seg = stripHtml(raw).trim();
  if (seg === '') return {};
  let core = false;
  const star = CORE_RE.exec(seg);
  if (star) {
    core = true;
    seg = seg.slice(star[0].length);
  }
  let body = seg;
  let set: Level2 | undefined;
  const pm = /^([^:：]{1,24})[:：][\s\u3000]*(.*)$/s.exec(seg);
  if (pm) {
    const p = resolvePrefix(pm[1]);
    if (p && 'level2' in p) {
      set = p;
      body = pm[2].trim();
    } else if (p) {
      problems.push({ line: segLine, message: `「${quote(pm[1], 20)}」是一级指标，请写明二级指标（如「数量指标: …」），「${quote(seg)}」未导入` });
      return {};
    } else if (Array.from(squash(pm[1])).length <= 12 && !/[0-9０-９≥≤><=＞＜＝]/.test(pm[1])) {
      problems.push({ line: segLine, message: `「${quote(pm[1], 20)}」不是已知的二级指标，「${quote(seg)}」未导入` });
      return {};
    }
  }
  const l2 = set ?? level2;
  if (body === '') return { level2: set };
  if (!l2) {
    problems.push({ line: segLine, message: `「${quote(seg)}」前没有二级指标（应写成「数量指标: …」），未导入` });
    return {};
  }
  const ind = readIndicator(body);
  if (ind.name === '') {
    problems.push({ line: segLine, message: `指标值「${quote(ind.target)}」没有三级指标名称，未导入` });
    return { level2: set };
  }
  if (ind.target === '') problems.push({ line: segLine, message: `无法从「${quote(body)}」分出指标值，已按无指标值导入` });
  return { level2: set, row: { level1: l2.group.name, level2: l2.level2, name: ind.name, target: ind.target, core: core || ind.core, line: segLine } };
}
