// Whether a folder is on removable media (a USB stick, a memory card). Automatic backups are not
// encrypted, so the backup page warns when their folder is on a medium that is easily lost or
// lent. Decided by the host, which can see the system: on Linux a path under /media, /run/media or
// /mnt (where desktops and clerks mount sticks), or a mount whose block device is flagged removable
// in sysfs or hangs off a USB bus; on Windows the drive type .NET reports for the drive letter.
// Anything unknown counts as not removable (no warning rather than a false alarm on every start).
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface RemovableMediaSystem {
  platform: NodeJS.Platform;
  readFile(file: string): Promise<string>;
  realpath(file: string): Promise<string>;
  /** Windows: the DriveType name of a drive letter ("Removable", "Fixed", …). */
  driveType(letter: string): Promise<string | undefined>;
}

const LINUX_REMOVABLE_ROOTS = ['/media/', '/run/media/', '/mnt/'];

/** Unescapes the octal escapes of /proc/self/mountinfo (a space is \040). */
function unescapeMountPath(raw: string): string {
  return raw.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** The major:minor of the mount holding `file` (the longest mount point above it), from mountinfo text. */
export function deviceOfPath(file: string, mountinfo: string): string | undefined {
  let best: { mountPoint: string; device: string } | undefined;
  for (const line of mountinfo.split('\n')) {
    const fields = line.split(' ');
    const device = fields[2];
    const raw = fields[4];
    if (!device || !raw) continue;
    const mountPoint = unescapeMountPath(raw);
    const inside = mountPoint === '/' || file === mountPoint || file.startsWith(`${mountPoint}/`);
    if (inside && (!best || mountPoint.length >= best.mountPoint.length)) best = { mountPoint, device };
  }
  return best?.device;
}

async function linuxRemovable(folder: string, system: RemovableMediaSystem): Promise<boolean> {
  const resolved = await system.realpath(folder).catch(() => path.resolve(folder));
  if (LINUX_REMOVABLE_ROOTS.some((root) => `${resolved}/`.startsWith(root))) return true;
  const device = deviceOfPath(resolved, await system.readFile('/proc/self/mountinfo').catch(() => ''));
  if (!device || !/^\d+:\d+$/.test(device)) return false;
  const sysPath = await system.realpath(`/sys/dev/block/${device}`).catch(() => undefined);
  if (!sysPath) return false;
  if (sysPath.includes('/usb')) return true;
  // A partition's flag is on its disk, one level up.
  for (const dir of [sysPath, path.dirname(sysPath)]) {
    const flag = await system.readFile(path.join(dir, 'removable')).catch(() => undefined);
    if (flag?.trim() === '1') return true;
  }
  return false;
}

/** Whether `folder` is on removable media; false when it cannot be told. Never throws. */
export async function isOnRemovableMedia(folder: string, system: RemovableMediaSystem = nodeSystem): Promise<boolean> {
  try {
    if (system.platform === 'linux') return await linuxRemovable(folder, system);
    if (system.platform === 'win32') {
      const letter = /^([a-zA-Z]):/.exec(folder)?.[1];
      return letter !== undefined && (await system.driveType(letter.toUpperCase())) === 'Removable';
    }
  } catch (error) {
    console.error(`[backup] cannot tell whether ${folder} is on removable media:`, error);
  }
  return false;
}

const driveTypes = new Map<string, Promise<string | undefined>>();

/**
 * The drive type from .NET's DriveInfo, through Windows PowerShell by its full path (never PATH),
 * with a fixed script and a validated letter: no shell, no user text in the command. Cached per
 * letter for the run of the app.
 */
function windowsDriveType(letter: string): Promise<string | undefined> {
  if (!/^[A-Z]$/.test(letter)) return Promise.resolve(undefined);
  const cached = driveTypes.get(letter);
  if (cached) return cached;
  const systemRoot = process.env.SystemRoot && path.win32.isAbsolute(process.env.SystemRoot) ? process.env.SystemRoot : 'C:\\Windows';
  const powershell = path.win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  const script = `[System.IO.DriveInfo]::new('${letter}:\\').DriveType.ToString()`;
  const result = new Promise<string | undefined>((resolve) => {
    execFile(powershell, ['-NoProfile', '-NonInteractive', '-Command', script], { timeout: 10_000, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim());
    });
  });
  driveTypes.set(letter, result);
  return result;
}

const nodeSystem: RemovableMediaSystem = {
  platform: process.platform,
  readFile: (file) => fs.readFile(file, 'utf8'),
  realpath: (file) => fs.realpath(file),
  driveType: windowsDriveType,
};
