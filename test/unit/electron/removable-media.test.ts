// Removable media: the host warns when the automatic backups (unencrypted) go to a USB stick.
// Linux is decided from mountinfo and sysfs, Windows from the drive type; both faked here.
import { describe, expect, it } from 'vitest';
import { deviceOfPath, isOnRemovableMedia, type RemovableMediaSystem } from '../../../electron/removable-media';

const MOUNTINFO = [
  '22 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw',
  '30 22 8:3 / /home rw,relatime shared:2 - ext4 /dev/sda3 rw',
  '41 22 8:17 / /data/备份\\040盘 rw,nosuid shared:30 - vfat /dev/sdb1 rw',
  '42 22 179:1 / /srv/card rw shared:31 - vfat /dev/mmcblk0p1 rw',
  '43 22 8:33 / /srv/usb-hdd rw shared:32 - ext4 /dev/sdc1 rw',
].join('\n');

/** A Linux system: sda a fixed disk, sdb a stick flagged removable, an SD card, and a USB hard disk (flag 0). */
function linux(files: Record<string, string> = {}): RemovableMediaSystem {
  const links: Record<string, string> = {
    '/sys/dev/block/8:2': '/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda/sda2',
    '/sys/dev/block/8:3': '/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda/sda3',
    '/sys/dev/block/8:17': '/sys/devices/platform/soc/block/sdb/sdb1',
    '/sys/dev/block/179:1': '/sys/devices/platform/mmc/block/mmcblk0/mmcblk0p1',
    '/sys/dev/block/8:33': '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdc/sdc1',
  };
  const contents: Record<string, string> = {
    '/proc/self/mountinfo': MOUNTINFO,
    '/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda/removable': '0\n',
    '/sys/devices/platform/soc/block/sdb/removable': '1\n',
    '/sys/devices/platform/mmc/block/mmcblk0/removable': '1\n',
    '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdc/removable': '0\n',
    ...files,
  };
  return {
    platform: 'linux',
    readFile: async (file) => {
      const text = contents[file];
      if (text === undefined) throw Object.assign(new Error(`ENOENT ${file}`), { code: 'ENOENT' });
      return text;
    },
    realpath: async (file) => links[file] ?? file,
    driveType: async () => undefined,
  };
}

describe('removable media on Linux', () => {
  it('finds the mount of a path by its longest mount point, spaces unescaped', () => {
    expect(deviceOfPath('/home/clerk/备份', MOUNTINFO)).toBe('8:3');
    expect(deviceOfPath('/data/备份 盘/台账', MOUNTINFO)).toBe('8:17');
    expect(deviceOfPath('/homework', MOUNTINFO)).toBe('8:2');
  });

  it.each([
    ['a folder under /media (the desktop mounts sticks there)', '/media/clerk/KINGSTON/台账备份', true],
    ['a folder under /run/media', '/run/media/clerk/U盘', true],
    ['a folder under /mnt', '/mnt/usb', true],
    ['a stick mounted elsewhere, flagged removable on its disk', '/data/备份 盘/台账', true],
    ['a memory card', '/srv/card/backups', true],
    ['a USB hard disk that says it is not removable', '/srv/usb-hdd/backups', true],
    ['the home folder on the internal disk', '/home/clerk/.config/media-ledger/backups', false],
    ['a folder on the root disk', '/var/backups/ledger', false],
  ])('%s: %s', async (_label, folder, removable) => {
    await expect(isOnRemovableMedia(folder, linux())).resolves.toBe(removable);
  });

  it('says not removable when the system cannot be read', async () => {
    const blind: RemovableMediaSystem = { ...linux(), readFile: async () => Promise.reject(new Error('EACCES')) };
    await expect(isOnRemovableMedia('/home/clerk/backups', blind)).resolves.toBe(false);
  });
});

describe('removable media on Windows', () => {
  const windows = (types: Record<string, string>): RemovableMediaSystem => ({
    platform: 'win32',
    readFile: async () => '',
    realpath: async (file) => file,
    driveType: async (letter) => types[letter],
  });

  it('goes by the drive type of the drive letter', async () => {
    const system = windows({ C: 'Fixed', D: 'Fixed', E: 'Removable', F: 'Network' });
    await expect(isOnRemovableMedia('E:\\台账备份', system)).resolves.toBe(true);
    await expect(isOnRemovableMedia('e:\\台账备份', system)).resolves.toBe(true);
    await expect(isOnRemovableMedia('D:\\台账备份', system)).resolves.toBe(false);
    await expect(isOnRemovableMedia('C:\\Users\\clerk\\AppData\\Roaming\\媒体台账\\backups', system)).resolves.toBe(false);
    await expect(isOnRemovableMedia('F:\\共享', system)).resolves.toBe(false);
    // A network share (UNC path) or an unknown type is no USB stick.
    await expect(isOnRemovableMedia('\\\\server\\share\\备份', system)).resolves.toBe(false);
    await expect(isOnRemovableMedia('G:\\备份', system)).resolves.toBe(false);
  });
});
