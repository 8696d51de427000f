// Files a test saves (downloads, files to upload) go in its own output folder under test-results/,
// which Playwright empties at the start of every run: nothing is left behind in the system's temp
// folder. Each path is new within the test, so two downloads never overwrite each other.
import { test } from '@playwright/test';

let made = 0;

export function outputFile(name: string): string {
  made += 1;
  return test.info().outputPath(`${made}-${name}`);
}
