import { openStore } from '../src/store/store.js';
import { orgScan } from './store-fixture.js';

// A second process for store-process.test.ts: saves the scans it is told to, deterministically
// built, into the store given. argv: location, first day, last day, step, accounts, users[, id prefix].
const [location, from, to, step, accounts, users, prefix = 'scan'] = process.argv.slice(2);
const store = await openStore(location as string);
for (let day = Number(from); day <= Number(to); day += Number(step)) {
  const { record, evidence } = orgScan({ accounts: Number(accounts), users: Number(users), day, id: `${prefix}-${day}` });
  process.stderr.write(`saving ${record.scan.id}\n`);
  await store.saveScan(record, evidence);
}
await store.close();
process.stdout.write('done\n');
