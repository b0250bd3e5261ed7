import { defineConfig } from '@playwright/test';

const PORT = 4173;
const FIXTURE_PORT = 4174;
// The embedding build (`make build-embed`), under /election-center/: from a web host, and
// as an app's packaged files (exact files only).
export const SUBPATH = 'http://127.0.0.1:4175/election-center/';
export const PACKAGED = 'http://127.0.0.1:4176/election-center/';
// The release build with the test identity (`make build-identity`, identity.spec.mjs).
export const IDENTITY = 'http://127.0.0.1:4177/';
// `make e2e-nginx`: the release build and the sub-path build served by Debian's nginx with
// the configuration scripts/hosting.mjs generates (HOSTING.md), for the specs about what
// a host does (routes, not-found, sub-path, headers, pre-compressed files, caching).
const NGINX = process.env.E2E_SERVER === 'nginx';
const serve = (dist, port, base = '/') =>
  NGINX
    ? `scripts/nginx-run.sh ${dist} ${base} ${port} target/e2e-nginx/${port}`
    : `node tests/e2e/serve.mjs ${dist} ${port}${base === '/' ? '' : ` --base ${base}`}`;

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
  projects: NGINX ? [{ name: 'nginx', testMatch: /(^|\/)(routes|hosting|server)\.spec\.mjs$/ }] : [
    { name: 'site', testIgnore: /(newcomer|aria)\.spec/ },
    // The release build serving the fixture country that CONTENT.md's examples describe,
    // as a newcomer's first country would be (built by `make e2e` into target/).
    { name: 'newcomer', testMatch: /(newcomer|aria)\.spec/, use: { baseURL: `http://127.0.0.1:${FIXTURE_PORT}` } },
  ],
  webServer: [
    { command: serve('dist', PORT), cwd: '../..', url: `http://127.0.0.1:${PORT}/`, reuseExistingServer: false },
    ...(NGINX ? [] : [{
      command: `node tests/e2e/serve.mjs dist ${FIXTURE_PORT} --content target/fixture-content`,
      cwd: '../..',
      url: `http://127.0.0.1:${FIXTURE_PORT}/`,
      reuseExistingServer: false,
    }]),
    { command: serve('target/dist-embed', 4175, '/election-center/'), cwd: '../..', url: SUBPATH, reuseExistingServer: false },
    {
      command: 'node tests/e2e/serve.mjs target/dist-embed 4176 --base /election-center/ --files',
      cwd: '../..',
      url: `${PACKAGED}index.html`,
      reuseExistingServer: false,
    },
    ...(NGINX ? [] : [{ command: serve('target/dist-identity', 4177), cwd: '../..', url: IDENTITY, reuseExistingServer: false }]),
    // Web pages on other origins that embed the sub-path build in an iframe.
    { command: `node tests/e2e/hosts.mjs ${SUBPATH}`, cwd: '../..', url: 'http://localhost:4181/', reuseExistingServer: false },
  ],
});
