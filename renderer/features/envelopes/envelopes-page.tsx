// 密码密封存档 (003 第十七条, 002 第九条（二）): the register of sealed envelopes and, per platform,
// when the password was last changed and is due again. The app keeps custody, never a password.
import { Alert, Button, Switch, Tabs } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Envelope } from '@shared/domain/records';
import { db } from '../../db/database';
import { readWithPlatforms, registerIds, useRegisterPage } from '../../db/register-index';
import { navigate, routeHref } from '../../app/routes';
import { PersonName } from '../../components/person-name';
import { usePdfWarmUpOnceShown } from '../../pdf/use-pdf-warm-up';
import { EnvelopeDrawer, EnvelopeStateTag } from './envelope-drawer';
import { PasswordCheckDialog } from './password-check-dialog';
import { RotationTable } from './rotation-table';
import { SealEnvelopeDialog } from './seal-envelope-dialog';
import { usePasswordPolicy } from './use-credentials';
import { RegisterList, RegisterPage, useListPage } from '../../components/register-page';
import { exportEnvelopes, exportNames, slicedExport } from '../export/list-tables';

const PAGE_SIZE = 25;

export function EnvelopesPage({ openId }: { openId?: string }) {
  const policy = usePasswordPolicy();
  const [sealing, setSealing] = useState<{ platformId?: string } | null>(null);
  const [checking, setChecking] = useState(false);
  const [showReplaced, setShowReplaced] = useState(false);

  // Newest sealed first, a page at a time from the registers' worker.
  const filter = { showReplaced };
  const [page, setPage] = useListPage(JSON.stringify(filter));
  const data = useRegisterPage({
    register: 'envelopes',
    filter,
    watch: ['envelopes', 'platforms', 'people', 'units'],
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    named: (e) => [e.custodianId],
    platformOf: (e) => e.platformId,
  });
  usePdfWarmUpOnceShown(data !== undefined);
  const lookups = data?.lookups;
  const platformName = (id: string) => data?.platforms?.get(id)?.name ?? '（已删除）';
  // The opened envelope, read by id (it may be on none of the pages shown).
  const open = useLiveQuery(async () => {
    const e = openId ? await db.envelopes.get(openId) : undefined;
    return e && !e.deletedAt ? e : undefined;
  }, [openId]);

  const exportTables = async () => {
    const names = exportNames();
    return [
      await slicedExport(await registerIds('envelopes', filter), async (ids) => {
        const { rows, platforms } = await readWithPlatforms('envelopes', ids, (e) => e.platformId);
        return exportEnvelopes(rows, (id) => platforms.get(id)?.name ?? '（已删除）', names);
      }),
    ];
  };

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
                  exportAs={{ fileName: '密码密封存档', tables: exportTables }}
                  rowKey="id"
                  rows={data?.rows}
                  paging={{ page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onPage: setPage, pending: data?.pending }}
                  empty="还没有登记密封信封。点击“封存新信封”，为每个账号登记一份密封存档。"
                  columns={[
                    {
                      title: '信封编号',
                      render: (_, e) => <a href={routeHref('envelopes', e.id)}>{e.number}</a>,
                    },
                    { title: '平台', render: (_, e) => platformName(e.platformId) },
                    { title: '封存日期', dataIndex: 'sealedOn', width: 110 },
                    { title: '保管人', render: (_, e) => lookups && <PersonName id={e.custodianId} lookups={lookups} role="保管人" /> },
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
            children: policy ? <RotationTable policy={policy} /> : null,
          },
        ]}
      />

      {open && (
        <EnvelopeDrawer
          envelope={open}
          onClose={() => navigate('envelopes')}
          onShow={(id) => navigate('envelopes', id)}
          onSealNew={(platformId) => setSealing({ platformId })}
        />
      )}
      {sealing && (
        <SealEnvelopeDialog
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
