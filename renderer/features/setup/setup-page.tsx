// First run: the institution, its rule profile and the operator's name — or one click to try
// the app with a fictitious demo institution, or restore a backup made on another computer.
import { App as AntApp, Button, Card, Divider, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { PRESET_PROFILES, getPreset } from '@shared/profiles/presets';
import { createDemoDataset } from '@shared/demo/demo-dataset';
import { db } from '../../db/database';
import { saveSettings } from '../../db/repository';
import { loadDataset } from '../../db/dataset';
import { showError } from '../../app/errors';
import { RestoreCard } from '../backup/restore-card';

interface SetupValues {
  institutionName: string;
  profileId: string;
  operatorName: string;
}

export function SetupPage() {
  const [form] = Form.useForm<SetupValues>();
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const { message } = AntApp.useApp();

  const finish = async (values: SetupValues) => {
    const profile = getPreset(values.profileId);
    if (!profile) return;
    setBusy(true);
    try {
      await saveSettings(db, {
        institutionName: values.institutionName.trim(),
        profileId: profile.id,
        profile,
        operatorName: values.operatorName.trim(),
        setupCompletedAt: new Date().toISOString(),
      });
      message.success('设置已保存');
    } catch (e) {
      showError(e, '保存设置失败');
      setBusy(false);
    }
  };

  const loadDemo = async () => {
    setBusy(true);
    try {
      const operator = form.getFieldValue('operatorName')?.trim() || '示例操作员';
      await loadDataset(db, createDemoDataset(), operator);
      message.success('示例数据已载入');
    } catch (e) {
      showError(e, '载入示例数据失败');
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100%', background: '#f5f5f5', padding: 24 }}>
      <Card style={{ width: 560 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          欢迎使用新媒体阵地台账
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          所有数据只保存在本机，不联网。请先填写本单位信息和适用的管理规则。
        </Typography.Paragraph>
        <Form<SetupValues>
          form={form}
          layout="vertical"
          onFinish={finish}
          initialValues={{ profileId: PRESET_PROFILES[0]?.id }}
          disabled={busy}
        >
          <Form.Item
            name="institutionName"
            label="单位（学校）名称"
            extra="将印在每张表格的标题中，例如“××大学”。"
            rules={[{ required: true, whitespace: true, message: '请填写单位名称' }, { max: 60, message: '名称不超过60个字' }]}
          >
            <Input autoFocus placeholder="例如：东湖示范大学" />
          </Form.Item>
          <Form.Item name="profileId" label="管理规则方案" rules={[{ required: true, message: '请选择规则方案' }]}>
            <Select
              options={PRESET_PROFILES.map((p) => ({ value: p.id, label: `${p.name}（依据：${p.source}）` }))}
            />
          </Form.Item>
          <Form.Item
            name="operatorName"
            label="操作员姓名"
            extra="记入每一条修改记录（审计日志）。"
            rules={[{ required: true, whitespace: true, message: '请填写操作员姓名' }]}
          >
            <Input placeholder="例如：王𠮷" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            开始使用
          </Button>
        </Form>
        <Divider plain>或者</Divider>
        <Button onClick={() => setRestoring((open) => !open)} disabled={busy} block style={{ marginBottom: 8 }}>
          从备份文件恢复（换新电脑时）
        </Button>
        {restoring && <RestoreCard />}
        <Button onClick={loadDemo} disabled={busy} block>
          载入示例数据（虚构的“东湖示范大学”）
        </Button>
      </Card>
    </div>
  );
}
