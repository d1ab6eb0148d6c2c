import { defineConfig } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const port = Number(process.env['E2E_PORT'] ?? 4310);
const baseURL = process.env['BASE_URL'] ?? `http://127.0.0.1:${port}`;
// a fresh embedded database for every run
const dataDir = process.env['E2E_DATA_DIR'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pt-e2e-'));

/**
 * Browser tests against the production server (built api + web, embedded database with demo data),
 * in Debian's Chromium (scripts/ensure-chromium.sh); never a downloaded browser.
 */
export default defineConfig({
  testDir: './src',
  outputDir: path.join(root, 'tmp/e2e-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // a 2-core CI machine: generous limits, the budgets of the performance issue are measured elsewhere
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? path.join(root, 'tmp/e2e-results/report.json') }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    // a trace snapshots the whole DOM at every action: slow on 2 cores, so only on request (E2E_TRACE=1)
    trace: process.env['E2E_TRACE'] ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: process.env['BASE_URL']
    ? undefined
    : {
        command: `node ${path.join(root, 'dist/apps/api/main.js')}`,
        cwd: root,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 240_000,
        env: { PORT: String(port), DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn' },
      },
  projects: [{ name: 'chromium' }],
});
