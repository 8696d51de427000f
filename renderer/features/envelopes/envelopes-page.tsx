// 密码密封存档 (003 第十七条, 002 第九条（二）): the register of sealed envelopes and, per platform,
// when the password was last changed and is due again. The app keeps custody, never a password.
import { Alert, Button, Switch, Tabs } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Envelope } from '@shared/domain/records';
import { envelopeState } from '@shared/rules/envelope-state';
import { useLookups, usePlatforms } from '../../db/queries';
import { navigate } from '../../app/routes';
import { PersonName } from '../../components/person-name';
import { warmUpPdf } from '../../pdf/pdf-client';
import { EnvelopeDrawer, EnvelopeStateTag } from './envelope-drawer';
import { PasswordCheckDialog } from './password-check-dialog';
import { RotationTable } from './rotation-table';
import { SealEnvelopeDialog } from './seal-envelope-dialog';
import { useEnvelopes, useHandovers, usePasswordPolicy } from './use-credentials';
import { RegisterList, RegisterPage } from '../../components/register-page';
import { envelopesTable } from '../export/list-tables';

export function EnvelopesPage({ openId }: { openId?: string }) {
  const envelopes = useEnvelopes();
  const handovers = useHandovers();
  const platforms = usePlatforms();
  const policy = usePasswordPolicy();
  const lookups = useLookups();
  const [sealing, setSealing] = useState<{ platformId?: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const [showReplaced, setShowReplaced] = useState(false);
  useEffect(() => void warmUpPdf(), []);

  const platformName = useMemo(() => new Map((platforms ?? []).map((p) => [p.id, p.name])), [platforms]);
  const rows = useMemo(
    () =>
      envelopes
        ?.filter((e) => showReplaced || envelopeState(e) !== '已替换')
        .sort((a, b) => b.sealedOn.localeCompare(a.sealedOn) || b.number.localeCompare(a.number)),
    [envelopes, showReplaced],
  );
  const open = openId ? envelopes?.find((e) => e.id === openId) : undefined;

  return (
    <RegisterPage
      title="密码密封存档"
      titleId="envelopes-title"
      actions={
        <>
          <Button onClick={() => setChecking(true)} disabled={!policy}>
            密码强度自检
          </Button>
          <Button type="primary" onClick={() => setSealing({})}>
            封存新信封
          </Button>
        </>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="本系统只登记信封的编号、内容清单、封存与保管情况，不记录任何密码。密码由管理员手写在登记表方框内，当面密封后交保管人保存。"
      />
      <Tabs
        items={[
          {
            key: 'envelopes',
            label: '信封登记',
            children: (
              <>
                <RegisterList<Envelope>
                  filters={
                    <>
                      <Switch checked={showReplaced} onChange={setShowReplaced} aria-label="显示已替换的信封" />
                      <span>显示已替换的信封</span>
                    </>
                  }
                  exportAs={{ fileName: '密码密封存档', tables: () => [envelopesTable(rows ?? [], (id) => platformName.get(id) ?? '（已删除）', lookups)] }}
                  rowKey="id"
                  rows={rows}
                  empty="还没有登记密封信封。点击“封存新信封”，为每个账号登记一份密封存档。"
                  columns={[
                    {
                      title: '信封编号',
                      render: (_, e) => <a href={`#/envelopes/${encodeURIComponent(e.id)}`}>{e.number}</a>,
                    },
                    { title: '平台', render: (_, e) => platformName.get(e.platformId) ?? '（已删除）' },
                    { title: '封存日期', dataIndex: 'sealedOn', width: 110 },
                    { title: '保管人', render: (_, e) => <PersonName id={e.custodianId} lookups={lookups} role="保管人" /> },
                    { title: '存放位置', dataIndex: 'location', ellipsis: true },
                    { title: '状态', width: 150, render: (_, e) => <EnvelopeStateTag envelope={e} /> },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'rotation',
            label: '各平台密码修改情况',
            children:
              platforms && envelopes && handovers && policy ? (
                <RotationTable platforms={platforms} envelopes={envelopes} handovers={handovers} policy={policy} />
              ) : null,
          },
        ]}
      />

      {open && envelopes && (
        <EnvelopeDrawer
          envelope={open}
          all={envelopes}
          onClose={() => navigate('envelopes')}
          onShow={(id) => navigate('envelopes', id)}
          onSealNew={(platformId) => setSealing({ platformId })}
        />
      )}
      {sealing && envelopes && (
        <SealEnvelopeDialog
          envelopes={envelopes}
          platformId={sealing.platformId}
          onClose={() => setSealing(null)}
          onSealed={(e) => {
            setSealing(null);
            navigate('envelopes', e.id);
          }}
        />
      )}
      {checking && policy && <PasswordCheckDialog policy={policy} onClose={() => setChecking(false)} />}
    </RegisterPage>
  );
}
