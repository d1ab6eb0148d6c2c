/** How far a download is: bytes received, and the percent when the size is known (`Content-Length`). */
export interface DownloadProgress {
  loaded: number;
  /** Null when the server streams without `Content-Length`. */
  total: number | null;
  /** 0–100, whole numbers; null when the total is unknown. */
  percent: number | null;
}

/** Progress from an HttpClient download event (`loaded`, `total` possibly undefined or 0). */
export function downloadProgress(loaded: number, total?: number | null): DownloadProgress {
  const got = Number.isFinite(loaded) && loaded > 0 ? Math.floor(loaded) : 0;
  const size = typeof total === 'number' && Number.isFinite(total) && total > 0 ? Math.floor(total) : null;
  const percent = size === null ? null : Math.min(100, Math.floor((got / size) * 100));
  return { loaded: got, total: size, percent };
}

const UNITS = ['KB', 'MB', 'GB'];

/** `512` → `512 B`, `1536` → `1.5 KB`, `3_200_000` → `3.1 MB` (1024 based, one decimal below 100). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.floor(Number.isFinite(bytes) ? bytes : 0))} B`;
  let n = bytes;
  let unit = 'B';
  for (const u of UNITS) {
    if (n < 1024) break;
    n /= 1024;
    unit = u;
  }
  return `${n < 100 ? n.toFixed(1).replace(/\.0$/, '') : Math.round(n)} ${unit}`;
}

/** The line under a progress bar: `已接收 1.5 MB / 3 MB（50%）` or `已接收 1.5 MB`. */
export function progressText(p: DownloadProgress): string {
  return p.total === null ? `已接收 ${formatBytes(p.loaded)}` : `已接收 ${formatBytes(p.loaded)} / ${formatBytes(p.total)}（${p.percent}%）`;
}
