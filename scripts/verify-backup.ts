// `npm run verify-backup -- <file> [--passphrase-file F]`: checks a backup file in plain Node and
// prints ONE line — "OK" with the counts, or what is wrong, in Chinese and English — then exits
// 0 (good) or 1 (anything else). Never a stack trace: a clerk or a script reads this line.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { BACKUP_TABLES } from '../shared/backup/format';
import { verifyBackup } from '../shared/backup/backup-reader';

const USAGE = '用法 / usage: npm run verify-backup -- <备份文件> [--passphrase-file <口令文件>]';

function fail(reason: string, detail: string): never {
  process.stdout.write(`FAILED 失败：${reason} / ${detail}\n`);
  process.exit(1);
}

function parseArgs(argv: readonly string[]): { file: string; passphraseFile?: string } {
  let file: string | undefined;
  let passphraseFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--passphrase-file') {
      passphraseFile = argv[++i];
      if (!passphraseFile) fail(`缺少口令文件路径。${USAGE}`, '--passphrase-file needs a path');
    } else if (arg.startsWith('--')) {
      fail(`不认识的参数 ${arg}。${USAGE}`, `unknown option ${arg}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      fail(`只能检查一个文件。${USAGE}`, `unexpected argument ${arg}`);
    }
  }
  if (!file) fail(`未指定备份文件。${USAGE}`, 'no file given');
  return passphraseFile === undefined ? { file } : { file, passphraseFile };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let passphrase: string | undefined;
  if (args.passphraseFile !== undefined) {
    try {
      // A leading byte-order mark (Windows Notepad writes one) and one trailing line break are the
      // editor's, not the passphrase's.
      passphrase = (await readFile(args.passphraseFile, 'utf8')).replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
    } catch (error) {
      fail(`无法读取口令文件 ${args.passphraseFile}。`, describe(error));
    }
  }
  try {
    const info = await stat(args.file);
    if (!info.isFile()) fail(`${args.file} 不是文件。`, 'not a regular file');
  } catch (error) {
    fail(`找不到或无法打开备份文件 ${args.file}。`, describe(error));
  }
  const result = await verifyBackup(createReadStream(args.file), passphrase === undefined ? {} : { passphrase });
  if (!result.ok) fail(result.reason, result.detail);
  const records = BACKUP_TABLES.reduce((sum, table) => sum + result.counts[table], 0);
  const perTable = BACKUP_TABLES.map((table) => `${table}=${result.counts[table]}`).join(' ');
  const mb = (result.attachmentBytes / 1024 / 1024).toFixed(1);
  process.stdout.write(
    `OK 备份完好：${records} 条记录、${result.manifest.attachments.length} 个附件（${mb} MB），` +
      `第 ${result.manifest.formatVersion} 版格式${result.encrypted ? '，已加密' : ''}，创建于 ${result.manifest.createdAt} / ` +
      `backup verified: ${perTable} attachment-files=${result.manifest.attachments.length} (${result.attachmentBytes} bytes) ` +
      `format=${result.manifest.formatVersion} app=${result.manifest.appVersion}${result.encrypted ? ' encrypted' : ''}\n`,
  );
  process.exit(0);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => fail('检查时发生意外错误。', describe(error)));
