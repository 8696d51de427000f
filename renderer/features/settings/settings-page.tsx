// 设置: institution, rule profile, operator; where the data lives; the demo dataset.
import { App as AntApp, Button, Card, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PRESET_PROFILES, getPreset } from '@shared/profiles/presets';
import { createDemoDataset } from '@shared/demo/demo-dataset';
import { DEFAULT_TIME_ZONE, validTimeZone, profileZone } from '@shared/domain/time-zone';
import { bridge } from '../../bridge';
import { db } from '../../db/database';
import { loadDataset } from '../../db/dataset';
import { saveSettings } from '../../db/repository';
import { useSettings } from '../../db/queries';
import { showError } from '../../app/errors';
import { HolidayCalendarCard } from './holiday-calendar';

/** Time zones of institutions in China; Beijing time is every seed's and the default. */
const TIME_ZONE_OPTIONS = [
  { value: DEFAULT_TIME_ZONE, label: '北京时间（东八区）' },
  { value: 'Asia/Urumqi', label: '乌鲁木齐时间（东六区）' },
  { value: 'Asia/Hong_Kong', label: '香港时间（东八区）' },
  { value: 'Asia/Macau', label: '澳门时间（东八区）' },
  { value: 'Asia/Taipei', label: '台北时间（东八区）' },
];

export function SettingsPage() {
  const settings = useSettings();
  const [form] = Form.useForm();
  const { message, modal } = AntApp.useApp();
  const [folder, setFolder] = useState('');
  const [version, setVersion] = useState('');

  useEffect(() => {
    void bridge.dataFolder().then(setFolder);
    void bridge.appVersion().then(setVersion);
  }, []);

  if (!settings) return null;

  const save = async () => {
    const v = await form.validateFields();
    const chosen = v.profileId === settings.profileId ? settings.profile : getPreset(v.profileId);
    if (!chosen) return;
    const profile = { ...chosen, timeZone: validTimeZone(v.timeZone) };
    try {
      await saveSettings(db, { ...settings, institutionName: v.institutionName.trim(), operatorName: v.operatorName.trim(), profileId: profile.id, profile });
      void message.success('设置已保存');
    } catch (e) {
      showError(e, '保存设置失败');
    }
  };

  const loadDemo = () =>
    modal.confirm({
      title: '载入示例数据？',
      content: '将向数据库加入虚构的“东湖示范大学”的单位、人员和平台，现有记录不受影响。示例记录可随时删除。',
      okText: '载入',
      cancelText: '取消',
      onOk: async () => {
        try {
          await loadDataset(db, createDemoDataset(), settings.operatorName);
          void message.success('示例数据已载入');
        } catch (e) {
          showError(e, '载入示例数据失败');
        }
      },
    });

  return (
    <section aria-labelledby="settings-title">
      <Typography.Title level={3} id="settings-title">
        设置
      </Typography.Title>
      <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 720 }}>
        <Card title="单位与规则">
          <Form form={form} layout="vertical" initialValues={{ ...settings, timeZone: profileZone(settings.profile) }}>
            <Form.Item name="institutionName" label="单位（学校）名称" rules={[{ required: true, whitespace: true, message: '请填写单位名称' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="profileId" label="管理规则方案">
              <Select options={PRESET_PROFILES.map((p) => ({ value: p.id, label: `${p.name}（依据：${p.source}）` }))} />
            </Form.Item>
            <Form.Item name="timeZone" label="时区" extra="日期和时间按此时区录入、显示和打印，与本机时区无关。">
              <Select options={TIME_ZONE_OPTIONS} />
            </Form.Item>
            <Form.Item name="operatorName" label="操作员姓名" rules={[{ required: true, whitespace: true, message: '请填写操作员姓名' }]}>
              <Input />
            </Form.Item>
            <Button type="primary" onClick={save}>
              保存设置
            </Button>
          </Form>
        </Card>
        <HolidayCalendarCard />
        <Card title="数据">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="数据保存位置">{folder}</Descriptions.Item>
            <Descriptions.Item label="程序版本">{version}</Descriptions.Item>
            <Descriptions.Item label="运行方式">{bridge.host === 'electron' ? '桌面版' : '浏览器版'}</Descriptions.Item>
          </Descriptions>
          <Space>
            {bridge.host === 'electron' && <Button onClick={() => void bridge.openFolder({ which: 'data' })}>打开数据文件夹</Button>}
            <Button onClick={loadDemo}>载入示例数据</Button>
          </Space>
        </Card>
      </Space>
    </section>
  );
}
