// Where automatic backups go: a small JSON file in the app's user-data folder holding the folder
// the clerk chose, written atomically. Without one (or when it cannot be read) the default
// <userData>/backups is used, so a damaged settings file never stops the automatic backups.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './file-writes';

export const BACKUP_SETTINGS_FILE = 'backup-settings.json';

const settingsSchema = z.object({
  folder: z.string().min(1).max(4096).refine((folder) => path.isAbsolute(folder)),
});

export function defaultBackupFolder(userData: string): string {
  return path.join(userData, 'backups');
}

/** The configured backup folder, or the default one. Never throws. */
export async function readBackupFolder(userData: string): Promise<string> {
  const file = path.join(userData, BACKUP_SETTINGS_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return defaultBackupFolder(userData);
  }
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.folder;
  } catch {
    // Falls through to the default below.
  }
  console.error(`[backup] ignoring an unreadable ${file}; using the default backup folder`);
  return defaultBackupFolder(userData);
}

/** Stores `folder` (absolute) as the backup folder. */
export async function saveBackupFolder(userData: string, folder: string): Promise<void> {
  const settings = settingsSchema.parse({ folder });
  await fs.mkdir(userData, { recursive: true });
  await writeFileAtomic(path.join(userData, BACKUP_SETTINGS_FILE), new TextEncoder().encode(`${JSON.stringify(settings, null, 2)}\n`));
}
