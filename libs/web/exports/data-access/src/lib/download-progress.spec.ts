import { downloadProgress, formatBytes, progressText } from './download-progress';

describe('downloadProgress', () => {
  it('has a percent when the total is known', () => {
    expect(downloadProgress(512, 2048)).toEqual({ loaded: 512, total: 2048, percent: 25 });
    expect(downloadProgress(2048, 2048).percent).toBe(100);
    expect(downloadProgress(1, 3).percent).toBe(33);
  });

  it('has no percent when the server streams without Content-Length', () => {
    expect(downloadProgress(4096, undefined)).toEqual({ loaded: 4096, total: null, percent: null });
    expect(downloadProgress(4096, 0)).toEqual({ loaded: 4096, total: null, percent: null });
    expect(downloadProgress(4096, null).percent).toBeNull();
  });

  it('never goes past 100 or below 0', () => {
    expect(downloadProgress(5000, 4000).percent).toBe(100);
    expect(downloadProgress(-3, 10)).toEqual({ loaded: 0, total: 10, percent: 0 });
    expect(downloadProgress(Number.NaN, 10).loaded).toBe(0);
  });
});

describe('formatBytes', () => {
  it('uses B, KB, MB, GB (1024 based)', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(150 * 1024)).toBe('150 KB');
    expect(formatBytes(3 * 1024 * 1024 + 200 * 1024)).toBe('3.2 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
    expect(formatBytes(Number.NaN)).toBe('0 B');
  });
});

describe('progressText', () => {
  it('shows the received size, and the total and percent when known', () => {
    expect(progressText(downloadProgress(1536))).toBe('已接收 1.5 KB');
    expect(progressText(downloadProgress(1024, 2048))).toBe('已接收 1 KB / 2 KB（50%）');
  });
});
