// Runs a test file on a machine whose clock is set to UTC (as a server or a freshly installed laptop
// may be), so a time printed or shown right cannot come from the machine's own zone agreeing with China time.
import { afterAll, beforeAll } from 'vitest';

export function onUtcMachine(): void {
  const machineZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });
}
