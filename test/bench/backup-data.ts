// Rows for the backup benchmarks: about `records` realistic records spread over the tables the
// way a busy office's data is (many reviews, printouts and audit entries; fewer units), plus the
// attachment rows for `attachmentCount` scans. Deterministic; no Node or DOM APIs.
import type { BackupTable } from '../../shared/backup/format';

const SHARES: Partial<Record<BackupTable, number>> = {
  units: 0.005,
  people: 0.05,
  platforms: 0.05,
  approvals: 0.05,
  reviews: 0.25,
  envelopes: 0.02,
  handovers: 0.02,
  inspections: 0.05,
  incidents: 0.01,
  trainings: 0.005,
  printouts: 0.19,
  auditLog: 0.3,
};

const AT = '2026-03-01T08:00:00.000Z';

/** The attachment row of signed-copy scan i (a PDF of `size` bytes whose SHA-256 is `sha256`), owned by a printout. */
export function scanRow(i: number, size: number, sha256: string): object {
  return {
    id: `att-${i}`,
    createdAt: AT,
    updatedAt: AT,
    name: `签回扫描件-${i}.pdf`,
    mimeType: 'application/pdf',
    size,
    sha256,
    ownerTable: 'printouts',
    ownerId: `printouts-${i}`,
  };
}

/** `sha256Of(i)`: the SHA-256 of attachment i's bytes (a backup is refused when a row disagrees with its bytes). */
export function benchmarkTables(records: number, attachmentCount: number, attachmentSize: number, sha256Of: (index: number) => string = () => '0'.repeat(64)): Record<BackupTable, object[]> {
  const row = (table: BackupTable, i: number): object => {
    switch (table) {
      case 'auditLog':
        return { seq: i + 1, at: AT, operator: '王𠮷', table: 'reviews', recordId: `reviews-${i}`, action: 'update', changes: { status: ['待审核', '已通过'] }, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) };
      case 'reviews':
        return { id: `reviews-${i}`, createdAt: AT, updatedAt: AT, platformId: `platforms-${i % 5000}`, title: `关于开展第${i}期网络安全宣传周活动的通知`, summary: '学院官方微信公众号推送，内容经三级审核后发布。'.repeat(2), status: '已发布', rounds: [{ steps: [{ level: 1, signers: ['李赟'], decision: '通过', at: AT }] }] };
      case 'platforms':
        return { id: `platforms-${i}`, createdAt: AT, updatedAt: AT, kind: '微信公众号', name: `东湖示范大学第${i}学院官方微信`, accountId: `dhsf_${i}`, hostUnitId: `units-${i % 500}`, status: '正常运行', administrators: [`people-${i % 5000}`] };
      default:
        return { id: `${table}-${i}`, createdAt: AT, updatedAt: AT, name: `${table} 记录 ${i}`, note: '备注：按《管理办法》第十条登记。', ownerId: `platforms-${i % 5000}` };
    }
  };
  const tables = {} as Record<BackupTable, object[]>;
  for (const [table, share] of Object.entries(SHARES) as [BackupTable, number][]) {
    tables[table] = Array.from({ length: Math.round(records * share) }, (_, i) => row(table, i));
  }
  tables.attachments = Array.from({ length: attachmentCount }, (_, i) => scanRow(i, attachmentSize, sha256Of(i)));
  tables.settings = [{ id: 'main', institutionName: '东湖示范大学', profileId: 'secondary-unit-library', profile: {}, operatorName: '王𠮷', updatedAt: AT }];
  return tables;
}
