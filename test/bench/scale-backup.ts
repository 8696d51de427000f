// The dataset of `npm run bench:scale` (issue 15): the ledger of scale-ledger.ts plus 100,000
// publishing reviews, incidents, signed-copy scans and the audit log that writing all of it
// produces, every count times `scale`. Reviews go through the app's own rules (先审后发,
// shared/rules/review-chain.ts: every step recorded only when canRecordStep allows it, published
// only when canPublish does); the audit log is sealed with the app's hash chain
// (shared/audit/hash-chain.ts), in time order, so it verifies. Part of the reviews were typed in
// step by step (a create entry, an update per step, one for publishing); the rest arrived whole
// (Excel import, exchange packages: one create entry each), in the share that makes the log as
// long as the issue measured (316,000 entries at scale 1). Deterministic; no Node or DOM APIs.
import { diffRecords, sealEntry } from '../../shared/audit/hash-chain';
import { recordDisplayName } from '../../shared/audit/record-labels';
import type { BackupTable } from '../../shared/backup/format';
import type { AuditAction, AuditEntry } from '../../shared/domain/audit';
import type { Person } from '../../shared/domain/person';
import type { Attachment, Incident, Review } from '../../shared/domain/records';
import type { Settings } from '../../shared/domain/settings';
import { presetProfile } from '../../shared/profiles/presets';
import { canPublish, canRecordStep, layOutSteps, withStep } from '../../shared/rules/review-chain';
import { scanRow } from './backup-data';
import { benchId, generator, scaleLedger, scaledSizes, type ScaleLedger } from './scale-ledger';

/** The issue's counts beside the ledger's: reviews, incidents, audit entries, scans (1 GB of 4 MB PDFs). */
export const ISSUE_15_EXTRA = { reviews: 100_000, incidents: 200, auditEntries: 316_000, scanBytes: 1024 * 1024 * 1024 };
export const SCAN_SIZE = 4 * 1024 * 1024;
export const PROFILE_ID = 'vocational-approval-sealed-archive';
export const INSTITUTION = '东湖示范大学';
export const OPERATOR = '王𠮷';

export interface ScaleDatasetOptions {
  /** Every count of the issue times this (default 1). */
  scale?: number;
  /** Signed-copy scans (4 MB PDFs) to attach to printouts; their bytes come from scanBytes(). */
  scans?: number;
  /** Bytes of each scan (default 4 MB). */
  scanSize?: number;
  /** The SHA-256 (hex) of scan i's bytes (scanBytes), for its row: a backup is refused when a row disagrees with its bytes. */
  scanSha256?: (index: number) => string;
}

export interface ScaleDataset {
  ledger: ScaleLedger;
  tables: Record<BackupTable, object[]>;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const day = (offset: number) => new Date(Date.UTC(2025, 0, 10 + offset)).toISOString().slice(0, 10);

interface AuditEvent {
  at: string;
  table: string;
  recordId: string;
  record: object;
  action: AuditAction;
  changes: Record<string, [unknown, unknown]>;
}

const created = (table: string, record: { id: string; createdAt: string }): AuditEvent => ({
  at: record.createdAt,
  table,
  recordId: record.id,
  record,
  action: 'create',
  changes: diffRecords(undefined, record),
});

const BODY =
  '为深入学习贯彻党的二十大精神，进一步加强网络思想政治教育，本单位结合工作实际，组织开展系列主题活动。活动内容包括专题讲座、主题征文、网络文化作品展示等，欢迎全体师生踊跃参与。具体安排如下：一、活动时间；二、活动地点；三、参加对象；四、有关要求。请各单位认真组织，按时报送材料。';

/**
 * `count` reviews of the ledger's platforms; the first `stepwise` per thousand are recorded step by
 * step (an audit update per step and one for publishing), the others arrive whole.
 */
function scaleReviews(ledger: ScaleLedger, count: number, stepwisePerMille: number, events: AuditEvent[]): Review[] {
  // Its own seed: the ledger's records stay as the reminder benchmark knows them.
  const r = generator(1500);
  const profile = presetProfile(PROFILE_ID);
  const reviewers = ledger.people.filter((p) => p.status === '在岗' && p.isTeacher && p.rank === '处级' && !p.deletedAt);
  const platforms = ledger.platforms.filter((p) => !p.deletedAt);
  const reviews: Review[] = [];
  for (let i = 0; i < count; i++) {
    const platform = platforms[i % platforms.length]!;
    const major = r.chance(0.05);
    const submitted = r.int(680);
    const createdAt = `${day(submitted)}T0${r.int(9)}:${pad(r.int(60))}:00.000Z`;
    let review: Review = {
      id: benchId('V', i),
      createdAt,
      updatedAt: createdAt,
      platformId: platform.id,
      column: '通知公告',
      plannedAt: `${day(submitted + 3)}T02:00:00.000Z`,
      title: `${platform.name}第${Math.floor(i / platforms.length) + 1}期推送：关于开展网络文明主题活动的通知`,
      content: BODY,
      copywriterId: ledger.people[i % ledger.people.length]!.id,
      major,
      steps: layOutSteps(profile, major),
      corrections: [],
    };
    const stepwise = i % 1000 < stepwisePerMille;
    if (stepwise) events.push(created('reviews', review));
    const update = (next: Review, at: string) => {
      if (stepwise) events.push({ at, table: 'reviews', recordId: next.id, record: next, action: 'update', changes: diffRecords(review, next) });
      review = next;
    };
    const outcome = r.int(100);
    // 85 of 100 are published, 5 returned at the first step, 10 still on their way.
    const stepsToRecord = outcome < 90 ? review.steps.length : r.int(review.steps.length);
    for (let s = 0; s < stepsToRecord; s++) {
      const person: Person = reviewers[(i + s) % reviewers.length]!;
      const returned = outcome >= 85 && outcome < 90 && s === 0;
      const date = day(submitted + 1 + s);
      const entry = returned
        ? { reviewerIds: [person.id], decision: '退回修改' as const, opinion: '标题表述不够准确，请修改后重新送审。', date }
        : { reviewerIds: [person.id], decision: '通过' as const, opinion: '同意。', date };
      const allowed = canRecordStep(review, s, entry, [person], profile);
      if (!allowed.ok) throw new Error(`review ${i}, step ${s}: ${allowed.reason}`);
      update({ ...review, steps: withStep(review, s, entry, profile), updatedAt: `${date}T06:${pad(s)}:00.000Z` }, `${date}T06:${pad(s)}:00.000Z`);
      if (returned) break;
    }
    if (outcome < 85) {
      const allowed = canPublish(review, profile);
      if (!allowed.ok) throw new Error(`review ${i}: ${allowed.reason}`);
      const at = `${day(submitted + review.steps.length + 1)}T08:${pad(r.int(60))}:00.000Z`;
      const publishedAt = at;
      const corrections = outcome === 0 ? [{ action: '更正' as const, at: `${day(submitted + review.steps.length + 2)}T03:00:00.000Z`, reason: '发布后发现错别字，已更正。' }] : [];
      update({ ...review, publishedAt, publishedUrl: `https://mp.weixin.qq.com/s/dhsf${i}`, publishedById: ledger.people[(i + 3) % ledger.people.length]!.id, corrections, updatedAt: corrections[0]?.at ?? at }, at);
    }
    if (!stepwise) events.push({ ...created('reviews', review), at: review.updatedAt });
    reviews.push(review);
  }
  return reviews;
}

function scaleIncidents(ledger: ScaleLedger, count: number): Incident[] {
  return Array.from({ length: count }, (_, i): Incident => {
    const date = day(30 + (i % 600));
    return {
      id: benchId('N', i),
      createdAt: `${date}T05:00:00.000Z`,
      updatedAt: `${date}T05:00:00.000Z`,
      kind: '问题登记',
      date,
      platformId: ledger.platforms[(i * 13) % ledger.platforms.length]!.id,
      found: '评论区出现不实信息，已按规定处置。',
      actions: ['删除'],
    };
  });
}

/** The whole database of the issue's university, every count times `scale`, with its audit log. */
export function scaleDataset(options: ScaleDatasetOptions = {}): ScaleDataset {
  const scale = options.scale ?? 1;
  const scans = options.scans ?? 0;
  const ledger = scaleLedger(scaledSizes(scale));
  const reviewCount = Math.max(1, Math.round(ISSUE_15_EXTRA.reviews * scale));
  const incidents = scaleIncidents(ledger, Math.max(1, Math.round(ISSUE_15_EXTRA.incidents * scale)));

  const attachments: Attachment[] = Array.from({ length: scans }, (_, i) => ({
    ...(scanRow(i, options.scanSize ?? SCAN_SIZE, options.scanSha256?.(i) ?? '0'.repeat(64)) as Attachment),
    id: benchId('S', i),
    ownerId: ledger.printouts[i % ledger.printouts.length]!.id,
  }));

  const events: AuditEvent[] = [];
  const plain: [string, readonly { id: string; createdAt: string }[]][] = [
    ['units', ledger.units],
    ['people', ledger.people],
    ['platforms', ledger.platforms],
    ['approvals', ledger.approvals],
    ['envelopes', ledger.envelopes],
    ['handovers', ledger.handovers],
    ['inspections', ledger.inspections],
    ['incidents', incidents],
    ['trainings', ledger.trainings],
    ['printouts', ledger.printouts],
  ];
  for (const [table, rows] of plain) for (const row of rows) events.push(created(table, row));
  // A signed copy's scan: the attachment is written and its printout marked 已签回 (two entries).
  const printouts = [...ledger.printouts];
  attachments.forEach((attachment, i) => {
    events.push(created('attachments', attachment));
    const index = i % printouts.length;
    const before = printouts[index]!;
    const after = { ...before, paperStatus: '已签回' as const, scanAttachmentId: attachment.id, updatedAt: attachment.createdAt };
    events.push({ at: attachment.createdAt, table: 'printouts', recordId: before.id, record: after, action: 'update', changes: diffRecords(before, after) });
    printouts[index] = after;
  });

  // The share of reviews typed in step by step that makes the log as long as the issue's.
  const target = Math.round(ISSUE_15_EXTRA.auditEntries * scale);
  // Per review typed in: its steps (85 of 100 all, 5 one, 10 half), and publishing (85 of 100).
  const updatesPerStepwise = presetProfile(PROFILE_ID).reviewChain.filter((rule) => !rule.onlyForMajor).length * 0.9 + 0.9;
  const stepwisePerMille = Math.min(1000, Math.max(0, Math.round(((target - events.length - reviewCount) / (reviewCount * updatesPerStepwise)) * 1000)));
  const reviews = scaleReviews(ledger, reviewCount, stepwisePerMille, events);

  // Time order, as the app appends them (a stable sort keeps each record's own entries in order).
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const auditLog: AuditEntry[] = [];
  let prevHash: string | undefined;
  for (const e of events) {
    const recordName = recordDisplayName(e.table, e.record);
    const entry = { ...sealEntry({ at: e.at, operator: OPERATOR, table: e.table, recordId: e.recordId, ...(recordName && { recordName }), action: e.action, changes: e.changes }, prevHash), seq: auditLog.length + 1 };
    prevHash = entry.hash;
    auditLog.push(entry);
  }

  const settings: Settings = {
    id: 'main',
    institutionName: INSTITUTION,
    profileId: PROFILE_ID,
    profile: presetProfile(PROFILE_ID),
    operatorName: OPERATOR,
    setupCompletedAt: '2025-01-02T00:00:00.000Z',
    updatedAt: '2025-01-02T00:00:00.000Z',
  };
  const tables: Record<BackupTable, object[]> = {
    units: ledger.units,
    people: ledger.people,
    platforms: ledger.platforms,
    approvals: ledger.approvals,
    reviews,
    envelopes: ledger.envelopes,
    handovers: ledger.handovers,
    inspections: ledger.inspections,
    incidents,
    trainings: ledger.trainings,
    printouts,
    attachments,
    auditLog,
    settings: [settings],
  };
  return { ledger, tables };
}

/**
 * The bytes of scan i, 1 MiB at a time (never whole in memory): a PDF header, then a
 * non-repeating pattern (there is no compression anywhere to flatter). Deterministic per index.
 */
export function* scanBytes(index: number, size = SCAN_SIZE): Generator<Uint8Array> {
  const MiB = 1024 * 1024;
  const header = new TextEncoder().encode('%PDF-1.4\n%签回扫描件\n');
  for (let at = 0; at < size; at += MiB) {
    const chunk = new Uint8Array(Math.min(MiB, size - at));
    for (let i = 0; i < chunk.length; i += 4) chunk[i] = (index * 31 + at / MiB + i) & 0xff;
    if (at === 0) chunk.set(header.subarray(0, chunk.length));
    yield chunk;
  }
}
