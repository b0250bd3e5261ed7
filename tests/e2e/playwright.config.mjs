import { defineConfig } from '@playwright/test';

const PORT = 4173;
const FIXTURE_PORT = 4174;

export default defineConfig({
  testDir: '.',
  outputDir: '../../target/e2e-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // As root on this network: no sandbox, and no background calls to Google's hosts.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'site', testIgnore: /newcomer\.spec/ },
    // The release build serving the fixture country that CONTENT.md's examples describe,
    // as a newcomer's first country would be (built by `make e2e` into target/).
    { name: 'newcomer', testMatch: /newcomer\.spec/, use: { baseURL: `http://127.0.0.1:${FIXTURE_PORT}` } },
  ],
  webServer: [
    { command: `node tests/e2e/serve.mjs dist ${PORT}`, cwd: '../..', url: `http://127.0.0.1:${PORT}/`, reuseExistingServer: false },
    {
      command: `node tests/e2e/serve.mjs dist ${FIXTURE_PORT} --content target/fixture-content`,
      cwd: '../..',
      url: `http://127.0.0.1:${FIXTURE_PORT}/`,
      reuseExistingServer: false,
    },
  ],
});
