// What scripts/bench.mjs and scripts/bench-web.mjs share: the generated indicator rows and the HTTP helpers.
import net from 'node:net';

/** The password of every demo account (and of the generated ones). */
export const DEMO_PASSWORD = 'Demo@2026';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** One JSON request: its status, ETag, parsed body (null when not JSON) and text. */
export async function api(base, method, url, { token, body, headers = {} } = {}) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, etag: res.headers.get('etag'), json, text };
}

/** Until `url` answers 2xx; an error when `child` (the server) exits first or the time is up (`logHint`: where to look). */
export async function waitFor(url, timeoutMs, child, logHint = '') {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}${logHint ? ` (see ${logHint})` : ''}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** The 30 rows of a generated table (mof-2021): every 一级, valid targets, no error finding. `{n}` varies by project. */
export const INDICATORS = [
  ['产出指标', '数量指标', '培训人次', '≥{n}0人次'],
  ['产出指标', '数量指标', '服务企业数量', '≥{n}家'],
  ['产出指标', '数量指标', '调研报告完成数', '≥5篇'],
  ['产出指标', '数量指标', '举办活动场次', '≥12场'],
  ['产出指标', '数量指标', '采购设备数量', '={n}台'],
  ['产出指标', '数量指标', '覆盖社区数量', '≥{n}个'],
  ['产出指标', '数量指标', '宣传资料发放量', '≥{n}00份'],
  ['产出指标', '数量指标', '新建项目个数', '≥3个'],
  ['产出指标', '质量指标', '培训合格率', '≥95%'],
  ['产出指标', '质量指标', '设备验收合格率', '=100%'],
  ['产出指标', '质量指标', '服务质量达标率', '≥90%'],
  ['产出指标', '质量指标', '资料归档完整率', '=100%'],
  ['产出指标', '质量指标', '项目验收通过率', '=100%'],
  ['产出指标', '时效指标', '项目按期完成率', '≥95%'],
  ['产出指标', '时效指标', '合同签订及时率', '=100%'],
  ['产出指标', '时效指标', '问题整改及时率', '≥98%'],
  ['成本指标', '经济成本指标', '人均培训成本', '≤{n}0元'],
  ['成本指标', '经济成本指标', '单次活动成本', '≤{n}000元'],
  ['效益指标', '经济效益指标', '带动社会投资额', '≥{n}万元'],
  ['效益指标', '经济效益指标', '节约财政资金', '≥{n}万元'],
  ['效益指标', '社会效益指标', '政策知晓率', '≥85%'],
  ['效益指标', '社会效益指标', '群众办事便利度', '明显提升'],
  ['效益指标', '社会效益指标', '受益人口数量', '≥{n}000人'],
  ['效益指标', '社会效益指标', '社会影响力', '持续扩大'],
  ['效益指标', '生态效益指标', '节能减排成效', '较上年有所改善'],
  ['效益指标', '可持续影响指标', '长效机制建立情况', '建立并有效运行'],
  ['效益指标', '可持续影响指标', '信息化系统持续运行率', '≥99%'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'],
  ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'],
  ['满意度指标', '服务对象满意度指标', '企业满意度', '≥85%'],
];
