// One platform: every field, its lifecycle and follower histories, columns, and printing F04.
import { Button, Descriptions, Empty, Form, Input, InputNumber, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { LIFECYCLE_STATUSES, currentFollowers, isGroupKind, type LifecycleStatus, type Platform } from '@shared/domain/platform';
import type { Dated } from '@shared/domain/common';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { updateRecord } from '../../db/repository';
import { usePageLookups } from '../../db/queries';
import { navigate } from '../../app/routes';
import { useSubmit } from '../../components/use-submit';
import { PersonName } from '../../components/person-name';
import { DeleteButton } from '../../components/delete-button';
import { PrintPreview } from '../print/print-preview';
import { usePdfWarmUpAtOnce } from '../../pdf/use-pdf-warm-up';
import { f04AppliesTo } from '@shared/forms/f04-account-filing';
import { PlatformForm } from './platform-form';
import { PlatformCredentials } from '../envelopes/platform-credentials';
import { STATUS_COLORS } from './platform-status';
import { formatMonth } from '@shared/domain/month-date';
import { accountIdLabel, fieldLabel } from '@shared/domain/field-text';
import { SaveDialog } from '../../components/save-dialog';
import { platformPersonIds } from '@shared/domain/roles';

type Dialog = 'edit' | 'status' | 'followers' | 'print' | null;

export function PlatformDetail({ platform: p }: { platform: Platform }) {
  // Only the people this platform names, read by id.
  const lookups = usePageLookups(platformPersonIds(p));
  const [dialog, setDialog] = useState<Dialog>(null);
  const person = (id: string | undefined, role: string) => <PersonName id={id} lookups={lookups} role={role} />;
  const group = isGroupKind(p.kind);
  const printable = f04AppliesTo(p);
  usePdfWarmUpAtOnce(printable);

  return (
    <section aria-labelledby="platform-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Space>
          <Button onClick={() => navigate('platforms')}>返回台账</Button>
          <Typography.Title level={3} id="platform-title" style={{ margin: 0 }}>
            {p.name}
          </Typography.Title>
          <Tag color={STATUS_COLORS[p.status]}>{p.status}</Tag>
        </Space>
        <Space wrap>
          {printable && (
            <Button type="primary" onClick={() => setDialog('print')}>
              打印备案信息表
            </Button>
          )}
          <Button onClick={() => setDialog('edit')}>编辑</Button>
          <Button onClick={() => setDialog('status')}>变更状态</Button>
          {!group && <Button onClick={() => setDialog('followers')}>记录粉丝数</Button>}
          <DeleteButton table="platforms" id={p.id} name={p.name} />
        </Space>
      </Space>

      <Descriptions bordered size="small" column={2} style={{ marginBottom: 24 }}>
        <Descriptions.Item label={fieldLabel('platforms', 'kind')}>{p.kind}</Descriptions.Item>
        <Descriptions.Item label={accountIdLabel(p.kind)}>{p.accountId}</Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'hostUnitId')}>{lookups.unitName(p.hostUnitId)}</Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'openedOn')}>{p.openedOn && (formatMonth(p.openedOn) ?? p.openedOn)}</Descriptions.Item>
        {(p.sponsorUnitId || p.guidingTeacherId) && (
          <>
            <Descriptions.Item label={fieldLabel('platforms', 'sponsorUnitId')}>{lookups.unitName(p.sponsorUnitId)}</Descriptions.Item>
            <Descriptions.Item label={fieldLabel('platforms', 'guidingTeacherId')}>{person(p.guidingTeacherId, '指导教师')}</Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={fieldLabel('platforms', 'url')}>{p.url}</Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'certification')}>{p.certification}</Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'purpose')} span={2}>
          {p.purpose}
        </Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'contentScope')} span={2}>
          {p.contentScope}
        </Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'server')}>
          {p.server.involvesData ? `涉及数据服务，服务器设置在${p.server.location ?? '（未填）'}` : '不涉及数据服务'}
        </Descriptions.Item>
        <Descriptions.Item label={group ? '成员人数' : '当前粉丝数'}>
          {group ? p.group?.memberCount : currentFollowers(p)}
        </Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'responsibleId')}>{person(p.responsibleId, '责任人')}</Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'businessLeadId')}>{person(p.businessLeadId, '业务负责人')}</Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'technicalLeadId')}>{person(p.technicalLeadId, '技术负责人')}</Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'chiefAdminId')}>{person(p.chiefAdminId, '总管理员')}</Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'sectionAdminIds')} span={2}>
          <Space wrap>{p.sectionAdminIds.map((id) => <span key={id}>{person(id, '分管理员')}</span>)}</Space>
        </Descriptions.Item>
        {group && (
          <>
            <Descriptions.Item label="群主">{person(p.group?.ownerId, '群主')}</Descriptions.Item>
            <Descriptions.Item label="监督人">{person(p.group?.supervisorId, '监督人')}</Descriptions.Item>
            <Descriptions.Item label="实名核查" span={2}>
              {p.group?.realNameCheckDates.join('、') || '尚无记录'}
            </Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={fieldLabel('platforms', 'measures')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{p.measures}</span>
        </Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'lastUpdateOn')}>{p.lastUpdateOn}</Descriptions.Item>
        <Descriptions.Item label={fieldLabel('platforms', 'note')}>{p.note}</Descriptions.Item>
      </Descriptions>

      {!group && <PlatformCredentials platform={p} />}

      <Space align="start" size={48} wrap>
        <div style={{ minWidth: 280 }}>
          <Typography.Title level={5}>状态历史</Typography.Title>
          <Timeline
            items={[...p.statusHistory]
              .sort((a, b) => b.date.localeCompare(a.date))
              .map((h, i) => ({ key: i, content: `${h.date}\u3000${h.value}${h.note ? `（${h.note}）` : ''}` }))}
          />
        </div>
        {!group && (
          <div style={{ minWidth: 280 }}>
            <Typography.Title level={5}>粉丝数历史</Typography.Title>
            <Table<Dated<number>>
              size="small"
              rowKey={(r) => `${r.date}-${r.value}`}
              pagination={false}
              locale={{ emptyText: <Empty description="尚无记录" /> }}
              dataSource={[...p.followers].sort((a, b) => b.date.localeCompare(a.date))}
              columns={[
                { title: '日期', dataIndex: 'date' },
                { title: '粉丝数', dataIndex: 'value' },
              ]}
            />
          </div>
        )}
      </Space>

      {!group && <ColumnsTable platform={p} />}

      {dialog === 'edit' && <PlatformForm platform={p} onClose={() => setDialog(null)} />}
      {dialog === 'status' && <StatusDialog platform={p} onClose={() => setDialog(null)} />}
      {dialog === 'followers' && <FollowersDialog platform={p} onClose={() => setDialog(null)} />}
      {dialog === 'print' && <PrintPreview formId="F04" record={p} onClose={() => setDialog(null)} />}
    </section>
  );
}

function StatusDialog({ platform: p, onClose }: { platform: Platform; onClose: () => void }) {
  const [form] = Form.useForm<{ status: LifecycleStatus; date: dayjs.Dayjs; note?: string }>();
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const entry = { date: v.date.format('YYYY-MM-DD'), value: v.status, note: v.note?.trim() || undefined };
      await updateRecord<Platform>(db, 'platforms', p.id, { status: v.status, statusHistory: [...p.statusHistory, entry] });
      onClose();
      return `状态已变更为“${v.status}”`;
    },
    { fallback: '变更状态失败' },
  );

  return (
    <SaveDialog title="变更状态" submit={modalProps} onClose={onClose}>
      <Form {...formProps} form={form} layout="vertical" initialValues={{ status: p.status, date: todayField() }}>
        <Form.Item name="status" label="新状态" rules={[{ required: true, message: '请选择状态' }]}>
          <Select options={LIFECYCLE_STATUSES.map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item
          name="date"
          label="日期"
          rules={[
            { required: true, message: '请选择日期' },
            { validator: (_, d: dayjs.Dayjs) => (d && d.isAfter(todayField(), 'day') ? Promise.reject(new Error('日期不能晚于今天')) : Promise.resolve()) },
          ]}
        >
          <DateField />
        </Form.Item>
        <Form.Item name="note" label="说明（如批准文号、整改原因）">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}

function FollowersDialog({ platform: p, onClose }: { platform: Platform; onClose: () => void }) {
  const [form] = Form.useForm<{ count: number; date: dayjs.Dayjs }>();
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const date = v.date.format('YYYY-MM-DD');
      const followers = [...p.followers.filter((f) => f.date !== date), { date, value: v.count }];
      await updateRecord<Platform>(db, 'platforms', p.id, { followers });
      onClose();
    },
    { fallback: '保存粉丝数失败' },
  );

  return (
    <SaveDialog title="记录粉丝数" submit={modalProps} onClose={onClose}>
      <Form {...formProps} form={form} layout="vertical" initialValues={{ date: todayField() }}>
        <Form.Item name="count" label="粉丝数" rules={[{ required: true, message: '请填写粉丝数' }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} autoFocus />
        </Form.Item>
        <Form.Item name="date" label="统计日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DateField />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}

function ColumnsTable({ platform: p }: { platform: Platform }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        栏目设置及分工
      </Typography.Title>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        locale={{ emptyText: <Empty description="未登记栏目" /> }}
        dataSource={p.columns}
        columns={[
          { title: '一级栏目或版块', dataIndex: 'level1', width: 180 },
          { title: '二级栏目或版块内容', dataIndex: 'level2' },
          { title: '负责部门', dataIndex: 'department', width: 180 },
          { title: '备注', dataIndex: 'note', width: 120 },
        ]}
      />
    </>
  );
}
