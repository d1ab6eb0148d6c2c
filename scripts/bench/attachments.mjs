#!/usr/bin/env node
// Memory check of the 佐证材料 uploads and downloads (issue 17, acceptance 3): a file of the largest size allowed
// (20 MB) uploaded ten times at once, downloaded ten times at once, then both at once, while the API server's RSS is
// sampled; its growth over the RSS before must stay under 100 MB (the bytes are streamed in 1 MiB pieces, never held
// whole). Every download is checked against the upload's SHA-256.
//
//   part of `npm run bench` (scripts/bench.mjs), or alone against a running server:
//   node scripts/bench/attachments.mjs --base http://127.0.0.1:3000 --pid <server pid>
import { createHash, randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { DEMO_PASSWORD } from '../bench-common.mjs';
import { rssOf, rssSampler } from './measure.mjs';

const MB = 1024 * 1024;
/** The limit of the check: extra RSS of the server while the transfers run. */
export const ATTACHMENT_RSS_BUDGET = 100 * MB;
const FILE_BYTES = 20 * MB;
const PARALLEL = 10;

async function json(res) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function download(base, token, id) {
  const res = await fetch(`${base}/api/attachments/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`download ${res.status}`);
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of res.body) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** Runs the three rounds against the server at `base` (process `pid`); returns the figures (bytes). */
export async function attachmentsMemory({ base, pid, say = console.log }) {
  const login = await json(await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'xining', password: DEMO_PASSWORD }) }));
  const token = login.accessToken;
  const auth = { Authorization: `Bearer ${token}` };
  const me = await json(await fetch(`${base}/api/auth/me`, { headers: auth }));
  const project = await json(
    await fetch(`${base}/api/projects`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ year: 2030, name: `佐证材料内存测试 ${Date.now()}`, orgId: me.orgId, frameworkCode: 'mof-2021' }),
    }),
  );
  const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(FILE_BYTES - 9)]);
  const sha256 = createHash('sha256').update(file).digest('hex');
  const upload = async (i) => {
    const res = await fetch(`${base}/api/targets/${project.id}/attachments?purpose=declaration`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/pdf', 'X-File-Name': encodeURIComponent(`内存测试-${i}.pdf`) },
      body: file,
    });
    const a = await json(res);
    if (a.sha256 !== sha256 || a.size !== FILE_BYTES) throw new Error(`upload ${i}: stored ${a.size} bytes, ${a.sha256}`);
    return a.id;
  };
  const checkDownload = async (id) => {
    const got = await download(base, token, id);
    if (got.sha256 !== sha256 || got.size !== FILE_BYTES) throw new Error(`download ${id}: ${got.size} bytes, ${got.sha256}`);
  };
  const all = (n, fn) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

  // warm-up: the routes, the pool and the JIT, so that the figure is what the transfers themselves cost
  await checkDownload(await upload('warm'));
  global.gc?.();
  await new Promise((r) => setTimeout(r, 500));
  const start = rssOf(pid);
  const rounds = {};
  for (const [name, run] of [
    ['upload ×10', () => all(PARALLEL, upload)],
    ['download ×10', async () => all(PARALLEL, (i) => checkDownload(rounds.ids[i]))],
    ['upload ×10 + download ×10', () => Promise.all([all(PARALLEL, upload), all(PARALLEL, (i) => checkDownload(rounds.ids[i]))])],
  ]) {
    const sampler = rssSampler(pid, 20);
    const t0 = Date.now();
    const out = await run();
    const r = sampler.stop();
    if (name === 'upload ×10') rounds.ids = out;
    rounds[name] = { ms: Date.now() - t0, peak: r.peak, growth: r.peak - start };
    say(`attachments ${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s, server RSS peak ${(r.peak / MB).toFixed(0)} MB (+${((r.peak - start) / MB).toFixed(1)} MB over ${(start / MB).toFixed(0)} MB)`);
  }
  const growth = Math.max(...Object.values(rounds).filter((r) => typeof r === 'object' && 'growth' in r).map((r) => r.growth));
  const met = growth < ATTACHMENT_RSS_BUDGET;
  say(`attachments: largest extra server RSS ${(growth / MB).toFixed(1)} MB (budget ${ATTACHMENT_RSS_BUDGET / MB} MB): ${met ? 'met' : 'NOT met'}`);
  delete rounds.ids;
  return { rssBefore: start, growth, met, rounds };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name) => process.argv[process.argv.indexOf(name) + 1];
  if (!process.argv.includes('--base') || !process.argv.includes('--pid')) {
    console.error('usage: node scripts/bench/attachments.mjs --base http://127.0.0.1:3000 --pid <server pid>');
    process.exit(2);
  }
  attachmentsMemory({ base: arg('--base'), pid: Number(arg('--pid')) })
    .then((r) => process.exit(r.met ? 0 : 1))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
