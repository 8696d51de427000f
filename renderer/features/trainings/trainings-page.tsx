// 培训 (003 第十五条: 每学期至少举行一次; 004 第十条): training sessions with their attendees and the
// sign-in sheet F16. The notice at the top is the start page's training reminder itself, so both
// count the semester the same way (shared/rules/office-reminders.ts).
import { Alert, Button} from 'antd';
import { useMemo, useState } from 'react';
import type { Training } from '@shared/domain/records';
import { semesterOf, trainingReminders } from '@shared/rules/office-reminders';
import { localToday } from '@shared/domain/today';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/database';
import { useSettings } from '../../db/queries';
import { useIndexPage } from '../../db/register-index';
import { DeleteButton } from '../../components/delete-button';
import { PersonName } from '../../components/person-name';
import { usePdfWarmUpOnceShown } from '../../pdf/use-pdf-warm-up';
import { PrintPreview } from '../print/print-preview';
import { TrainingDialog } from './training-dialog';
import { RegisterList, RegisterPage, useListPage } from '../../components/register-page';
import { trainingsNewestFirst, trainingsSheet } from '../export/list-tables';
import { CellActions } from '../../components/row-actions';
import { liveCount } from '../../db/chunked-reads';
import { RowButton } from '../../components/row-button';
import { StatusTag } from '../../components/status-tag';

type Dialog = { kind: 'new' } | { kind: 'edit' | 'print'; training: Training } | null;

const PAGE_SIZE = 25;

/** Live trainings, newest first through the date index. */
const newestFirst = () => trainingsNewestFirst().filter((t) => !t.deletedAt);

/** Attendees named in a row (the first six; the rest are counted). */
const SHOWN_ATTENDEES = 6;

export function TrainingsPage() {
  const settings = useSettings();
  const [dialog, setDialog] = useState<Dialog>(null);

  const today = localToday();
  const semester = semesterOf(today);
  const [page, setPage] = useListPage('');
  const data = useIndexPage<Training>({
    key: 'trainings',
    watch: ['trainings', 'people', 'units'],
    collection: newestFirst,
    count: () => liveCount(db.trainings),
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    named: (t) => t.attendeeIds.slice(0, SHOWN_ATTENDEES),
  });
  usePdfWarmUpOnceShown(data !== undefined);
  const lookups = data?.lookups;
  // The reminder counts this semester's trainings only: read by the date index.
  const thisSemester = useLiveQuery(() => db.trainings.where('date').between(semester.from, semester.to, true, true).toArray(), [semester.from, semester.to]);
  const shortfall = useMemo(
    () => (settings && thisSemester ? trainingReminders({ trainings: thisSemester }, settings.profile, today)[0] : undefined),
    [settings, thisSemester, today],
  );
  const exportTables = async () => [await trainingsSheet()];
  const label = (t: Training) => `${t.date} ${t.topic}`;

  return (
    <RegisterPage
      title="培训"
      titleId="trainings-title"
      actions={
        <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
          登记培训
        </Button>
      }
    >
      {shortfall && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={shortfall.title}
          description={`依据 ${shortfall.source}：每学期至少举行一次培训。请在${shortfall.dueDate}（${semester.label}结束）前安排。`}
        />
      )}
      <RegisterList<Training>
        rowKey="id"
        rows={data?.rows}
        paging={{ page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onPage: setPage, pending: data?.pending }}
        exportAs={{ fileName: '培训', tables: exportTables }}
        empty="还没有培训记录。举办培训时点击“登记培训”，填写主题、主讲人和对象，打印签到表；培训后登记签到人员。"
        columns={[
          { title: '日期', dataIndex: 'date', width: 110, render: (d: string) => (d > today ? <span>{d} <StatusTag>未举行</StatusTag></span> : d) },
          { title: '主题', dataIndex: 'topic' },
          { title: '主讲人', dataIndex: 'speaker', width: 120 },
          { title: '对象', dataIndex: 'team', width: 150 },
          {
            title: '签到人员',
            render: (_, t) =>
              t.attendeeIds.length === 0 ? (
                <span className="ledger-secondary">未登记</span>
              ) : (
                <span>
                  <StatusTag>{`${t.attendeeIds.length}人`}</StatusTag>
                  {t.attendeeIds.slice(0, SHOWN_ATTENDEES).map((id, n) => (
                    <span key={id}>
                      {n > 0 && '、'}
                      {lookups && <PersonName id={id} lookups={lookups} />}
                    </span>
                  ))}
                  {t.attendeeIds.length > SHOWN_ATTENDEES && ' 等'}
                </span>
              ),
          },
          {
            title: '操作',
            width: 220,
            render: (_, t) => (
              <CellActions>
                <RowButton onClick={() => setDialog({ kind: 'edit', training: t })} aria-label={`编辑 ${label(t)}`}>
                  编辑
                </RowButton>
                <RowButton onClick={() => setDialog({ kind: 'print', training: t })} aria-label={`打印签到表 ${label(t)}`}>
                  打印签到表
                </RowButton>
                <DeleteButton table="trainings" id={t.id} name={label(t)} />
              </CellActions>
            ),
          },
        ]}
      />
      {dialog?.kind === 'new' && <TrainingDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'edit' && <TrainingDialog training={dialog.training} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'print' && <PrintPreview formId="F16" record={dialog.training} onClose={() => setDialog(null)} />}
    </RegisterPage>
  );
}
