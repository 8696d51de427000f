// One envelope: its custody record, the opening log, the chain of envelopes that replaced one
// another, and printing the register sheet (F12), the inner sheet for the handwritten
// credentials (F12I) and the envelope cover (F12C).
import { Alert, Button, Descriptions, Drawer, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Envelope, EnvelopeOpening } from '@shared/domain/records';
import { envelopeChain, envelopeState, type EnvelopeState } from '@shared/rules/envelope-state';
import { db } from '../../db/database';
import { usePageLookups, useTimeZone } from '../../db/queries';
import { instantText } from '@shared/domain/time-zone';
import { useCredentialsOf } from './use-credentials';
import { PersonName } from '../../components/person-name';
import { usePdfWarmUpAtOnce } from '../../pdf/use-pdf-warm-up';
import { DeleteButton } from '../../components/delete-button';
import { PrintPreview } from '../print/print-preview';
import { OpenEnvelopeDialog } from './open-envelope-dialog';
import { routeHref } from '../../app/routes';

export const STATE_COLORS: Record<EnvelopeState, string> = { 已封存: 'green', 已启封: 'red', 已替换: 'default' };

export function EnvelopeStateTag({ envelope }: { envelope: Envelope }) {
  const state = envelopeState(envelope);
  return <Tag color={STATE_COLORS[state]}>{state === '已启封' ? '已启封，待重新封存' : state}</Tag>;
}

type Dialog = 'open' | 'F12' | 'F12I' | 'F12C' | null;

export function EnvelopeDrawer({
  envelope: e,
  onClose,
  onSealNew,
  onShow,
}: {
  envelope: Envelope;
  onClose: () => void;
  onSealNew: (platformId: string) => void;
  onShow: (id: string) => void;
}) {
  usePdfWarmUpAtOnce(true);
  const timeZone = useTimeZone();
  // Only this envelope's platform, its envelopes (the chain of replacements stays within the
  // platform) and the people it names.
  const lookups = usePageLookups([e.sealedById, e.witnessId, e.custodianId, ...e.openings.flatMap((o) => [o.byId, o.approvedById])]);
  const platform = useLiveQuery(async () => {
    const p = await db.platforms.get(e.platformId);
    return p && !p.deletedAt ? p : undefined;
  }, [e.platformId]);
  const own = useCredentialsOf([e.platformId]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const state = envelopeState(e);
  const chain = envelopeChain(e, own?.envelopes ?? [e]);
  const person = (id: string | undefined, role: string) => <PersonName id={id} lookups={lookups} role={role} />;

  return (
    <Drawer
      open
      size="large"
      title={`信封 ${e.number}`}
      onClose={onClose}
      extra={
        <Space wrap>
          <Button onClick={() => setDialog('F12')}>打印登记表</Button>
          <Button onClick={() => setDialog('F12I')} title="管理员手写账号密码后装入信封，不扫描、不上传">
            打印封存内页
          </Button>
          <Button onClick={() => setDialog('F12C')}>打印信封封面</Button>
        </Space>
      }
    >
      {state === '已启封' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="该信封已启封：请更换密码并封存新信封（003 第十七条）。"
          action={
            <Button size="small" type="primary" onClick={() => onSealNew(e.platformId)}>
              封存新信封
            </Button>
          }
        />
      )}
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">
          <EnvelopeStateTag envelope={e} />
        </Descriptions.Item>
        <Descriptions.Item label="平台">
          {platform ? <a href={routeHref('platforms', platform.id)}>{platform.name}</a> : '（已删除）'}
        </Descriptions.Item>
        <Descriptions.Item label="封存内容">{e.items.join('、')}</Descriptions.Item>
        <Descriptions.Item label="封存日期">{e.sealedOn}</Descriptions.Item>
        <Descriptions.Item label="封存人">{person(e.sealedById, '封存人')}</Descriptions.Item>
        <Descriptions.Item label="监封人">{person(e.witnessId, '监封人')}</Descriptions.Item>
        <Descriptions.Item label="保管人">{person(e.custodianId, '保管人')}</Descriptions.Item>
        <Descriptions.Item label="存放位置">{e.location}</Descriptions.Item>
        <Descriptions.Item label="密码最近修改">{e.passwordChangedOn ?? '未登记'}</Descriptions.Item>
        <Descriptions.Item label="下次应修改">{e.nextChangeDue ?? '未设定固定周期'}</Descriptions.Item>
      </Descriptions>

      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          启封记录
        </Typography.Title>
        {state !== '已替换' && (
          <Button danger onClick={() => setDialog('open')}>
            登记启封
          </Button>
        )}
      </Space>
      <Table<EnvelopeOpening>
        size="small"
        style={{ margin: '8px 0 24px' }}
        rowKey={(o) => o.at}
        pagination={false}
        locale={{ emptyText: <Empty description="未启封。启封须经批准，并在启封后更换密码、封存新信封。" /> }}
        dataSource={e.openings}
        columns={[
          { title: '启封时间', render: (_, o) => instantText(o.at, timeZone) },
          { title: '启封人', render: (_, o) => lookups.personName(o.byId) },
          { title: '原因', dataIndex: 'reason' },
          { title: '批准人', render: (_, o) => lookups.personName(o.approvedById) },
        ]}
      />

      <Typography.Title level={5}>信封更替记录</Typography.Title>
      <nav aria-label="信封更替记录">
        <Timeline
          items={chain.map((c) => ({
            key: c.id,
            color: c.id === e.id ? 'blue' : 'gray',
            content: (
              <Space size={6}>
                {c.id === e.id ? <strong>{c.number}</strong> : <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onShow(c.id)}>
                    {c.number}
                  </Button>}
                <span>{c.sealedOn} 封存</span>
                <EnvelopeStateTag envelope={c} />
              </Space>
            ),
          }))}
        />
      </nav>
      <DeleteButton table="envelopes" id={e.id} name={`信封 ${e.number}`} />

      {dialog === 'open' && <OpenEnvelopeDialog envelope={e} onClose={() => setDialog(null)} />}
      {(dialog === 'F12' || dialog === 'F12I' || dialog === 'F12C') && <PrintPreview formId={dialog} record={e} onClose={() => setDialog(null)} />}
    </Drawer>
  );
}
