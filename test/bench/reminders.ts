// Benchmark (not a test): how long the start page's reminders take on a university's ledger at the
// scale of issue 15 (10,000 platforms, 20,000 approvals, 5,000 envelopes, 5,000 handovers). Prints
// figures; asserts nothing. Run with `node --import tsx test/bench/reminders.ts`.
import { performance } from 'node:perf_hooks';
import { presetProfile } from '../../shared/profiles/presets';
import { computeReminders } from '../../shared/rules/reminders';
import { credentialReminders } from '../../shared/rules/credentials';
import { ISSUE_15_SIZES, SCALE_TODAY, scaleLedger } from './scale-ledger';

const data = scaleLedger();
const profile = presetProfile('vocational-approval-sealed-archive');

function run() {
  const compliance = computeReminders(data, profile, SCALE_TODAY);
  const credentials = credentialReminders({ ...data, policy: profile.passwordPolicy, profile, today: SCALE_TODAY });
  return compliance.length + credentials.length;
}

const time = (f: () => number): [number, number] => {
  const started = performance.now();
  const n = f();
  return [performance.now() - started, n];
};

const [first, count] = time(run);
const times: number[] = [];
for (let i = 0; i < 5; i++) times.push(time(run)[0]);
times.sort((a, b) => a - b);
const s = ISSUE_15_SIZES;
console.log(`Reminders, Node: ${s.platforms} platforms, ${s.approvals} approvals, ${s.envelopes} envelopes, ${s.handovers} handovers, ${s.inspections} inspections, ${s.printouts} printouts`);
console.log(`  ${count} reminders; first run ${first.toFixed(0)} ms, next 5: median ${times[2]!.toFixed(0)} ms, max ${times[4]!.toFixed(0)} ms`);
