// 节假日安排: which years' State Council schedules ship with the app, the years the clerk has
// entered, and importing a schedule for a missing year. A file with any error is refused with the
// line that is wrong, and the calendar in use does not change.
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { Settings } from '@shared/domain/settings';
import {
  BUNDLED_YEARS,
  mergeHolidayCalendar,
  parseHolidayCalendar,
  removeHolidayYear,
  summariseYear,
  type CalendarLineError,
} from '@shared/rules/working-days';
import { db } from '../../db/database';
import { saveSettings } from '../../db/repository';
import { useSettings } from '../../db/queries';
import { showError } from '../../app/errors';
import { useSubmit } from '../../components/use-submit';
import { localToday } from '@shared/domain/today';

const EXAMPLE = ['# 2027年部分节假日安排（按国务院办公厅通知逐日填写）', '2027-01-01,holiday,元旦', '2027-02-06,holiday,春节', '2027-02-07,workday,春节调休上班'].join('\n');

export function HolidayCalendarCard() {
  const settings = useSettings();
  const { message } = AntApp.useApp();
  const [importing, setImporting] = useState(false);
  if (!settings) return null;

  const entries = settings.holidayOverrides ?? [];
  const clerkYears = [...new Set(entries.map((e) => Number(e.date.slice(0, 4))))].sort((a, b) => a - b);
  const first = BUNDLED_YEARS[0];
  const last = BUNDLED_YEARS.at(-1);
  const thisYear = Number(localToday().slice(0, 4));
  const known = (y: number) => BUNDLED_YEARS.includes(y) || clerkYears.includes(y);
  // The next year's schedule is published around November; ask for it from October on.
  const missing = [thisYear, ...(Number(localToday().slice(5, 7)) >= 10 ? [thisYear + 1] : [])].filter((y) => !known(y));

  const removeYear = async (year: number) => {
    try {
      await saveSettings(db, { ...settings, holidayOverrides: removeHolidayYear(entries, year) });
      void message.success(`已删除录入的${year}年放假安排`);
    } catch (e) {
      showError(e, '删除失败');
    }
  };

  return (
    <Card title="节假日安排">
      <Typography.Paragraph>
        报备期限按工作日计算，依据国务院办公厅公布的放假安排（含调休上班日）。已内置 {first}—{last} 年的安排。
        此后年份的安排每年 11 月前后公布，公布后请在此导入；未录入的年份，期限不会按“周一至周五”猜测，而会提示“期限待定”。
      </Typography.Paragraph>
      {missing.map((y) => (
        <Alert key={y} type="warning" showIcon style={{ marginBottom: 12 }} title={`尚未录入${y}年的放假安排`} description={`涉及${y}年的报备期限暂时无法计算。请导入${y}年的国务院放假安排。`} />
      ))}
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        style={{ marginBottom: 12 }}
        dataSource={clerkYears.map((year) => ({ year, ...summariseYear(entries, year) }))}
        locale={{ emptyText: '尚未录入内置年份以外的安排' }}
        columns={[
          { title: '录入的年份', dataIndex: 'year', render: (y: number) => `${y}年${BUNDLED_YEARS.includes(y) ? '（覆盖内置安排中的相同日期）' : ''}` },
          { title: '放假', dataIndex: 'holidays', render: (n: number) => `${n} 天` },
          { title: '调休上班', dataIndex: 'workdays', render: (n: number) => `${n} 天` },
          {
            title: '操作',
            render: (_, r) => (
              <Popconfirm
                title={`删除录入的${r.year}年放假安排？`}
                description={BUNDLED_YEARS.includes(r.year) ? '删除后恢复使用内置安排。' : `删除后涉及${r.year}年的期限将变为“期限待定”。`}
                okText="删除"
                cancelText="取消"
                onConfirm={() => removeYear(r.year)}
              >
                <Button size="small" danger aria-label={`删除${r.year}年放假安排`}>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Button onClick={() => setImporting(true)}>导入放假安排</Button>
      {importing && <ImportDialog settings={settings} onClose={() => setImporting(false)} />}
    </Card>
  );
}

function ImportDialog({ settings, onClose }: { settings: Settings; onClose: () => void }) {
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<CalendarLineError[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 1024 * 1024) {
      setErrors([{ line: 1, message: '文件过大：放假安排文件通常只有几 KB，请确认选对了文件。' }]);
      return;
    }
    setText(await file.text());
    setErrors([]);
  };

  const [form] = Form.useForm();
  const { formProps, modalProps } = useSubmit(
    form,
    async () => {
      const parsed = parseHolidayCalendar(text);
      if (!parsed.ok) {
        // Nothing is saved: the calendar in use stays as it was; the lines at fault are listed.
        setErrors(parsed.errors);
        return;
      }
      const merged = mergeHolidayCalendar(settings.holidayOverrides ?? [], parsed.entries);
      await saveSettings(db, { ...settings, holidayOverrides: merged });
      const summary = parsed.years.map((y) => {
        const s = summariseYear(parsed.entries, y);
        return `${y}年（放假${s.holidays}天，调休上班${s.workdays}天）`;
      });
      onClose();
      return `已导入${summary.join('、')}的放假安排`;
    },
    { fallback: '导入失败' },
  );


  return (
    <Modal open width={680} title="导入放假安排" okText="导入" cancelText="取消" {...modalProps} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>
        每行一天：<Typography.Text code>日期,类型,名称</Typography.Text>。类型为 <Typography.Text code>holiday</Typography.Text>（放假）或{' '}
        <Typography.Text code>workday</Typography.Text>（调休上班，须为周六或周日）。以 # 开头的行为注释。也可导入 JSON 文件。导入某一年会替换此前录入的该年安排。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 8 }}>
        <Button onClick={() => fileInput.current?.click()}>选择文件</Button>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.csv,.json,text/plain,application/json"
          aria-label="选择放假安排文件"
          style={{ display: 'none' }}
          onChange={(e) => void readFile(e.target.files?.[0])}
        />
        <Typography.Text type="secondary">或直接粘贴到下面</Typography.Text>
      </Space>
      <Form {...formProps} form={form} component="div">
        <Input.TextArea
          aria-label="放假安排内容"
          rows={10}
          value={text}
          placeholder={EXAMPLE}
          onChange={(e) => {
            setText(e.target.value);
            setErrors([]);
          }}
          style={{ fontFamily: 'monospace' }}
        />
      </Form>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title="未导入：以下内容有误，请改正后重试（当前使用的安排未改变）"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
