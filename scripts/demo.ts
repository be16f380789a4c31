/**
 * `npm run demo`: scans the example Teams app and shows the terminal report. Uses the knowledge data in
 * $M365CERT_DATA_DIR, else ../shared/data when this checkout sits beside it, else the user cache (fill it
 * with `npx m365cert data update`). Exits 0: the findings are the point of the demo.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = path.join(root, 'examples', process.argv[2] ?? 'teams-expense-app');
const shared = path.join(root, '..', 'shared', 'data');
const dataArgs = !process.env.M365CERT_DATA_DIR && existsSync(shared) ? ['--data-dir', shared] : [];

const code = await main(['scan', path.relative(process.cwd(), example) || '.', ...dataArgs]);
const meaning = code === 0 ? 'no finding at or above the threshold' : code === 1 ? 'findings at or above the threshold (the example has deliberate problems)' : 'usage, configuration or tool error';
console.log(`\nm365cert exited with ${code}: ${meaning}. Other examples: npm run demo -- outlook-addin | spfx-news-webpart`);
