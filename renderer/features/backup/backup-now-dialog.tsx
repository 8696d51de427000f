// 立即备份: optional passphrase (asked twice, never stored), progress while writing, and the
// result (where the verified file is) or a clear reason why nothing was kept.
import { Alert, Checkbox, Form, Input, Modal, Progress, Typography } from 'antd';
import { useState } from 'react';
import type { BackupFinishResult } from '@shared/bridge';
import { errorText } from '../../app/errors';
import { useSubmit } from '../../components/use-submit';
import { formatBytes } from './format-bytes';
import { runBackup, type BackupProgress } from './backup-service';

/** Below this a passphrase is refused: a backup's encryption is only as strong as its passphrase. */
const MIN_PASSPHRASE_LENGTH = 8;

interface Values {
  encrypt: boolean;
  passphrase?: string;
  confirm?: string;
}

type Stage = { step: 'form' } | { step: 'running'; progress?: BackupProgress } | { step: 'done'; result: BackupFinishResult } | { step: 'failed'; message: string };

export function BackupNowDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const encrypt = Form.useWatch('encrypt', form);
  const [stage, setStage] = useState<Stage>({ step: 'form' });

  const close = () => {
    if (stage.step === 'running') return;
    form.resetFields();
    setStage({ step: 'form' });
    onClose();
  };

  // The failure is shown in the dialog itself (the stage), not as a message.
  const { formProps, submit, focusFirstField } = useSubmit(form, async (values) => {
    setStage({ step: 'running' });
    try {
      const result = await runBackup('manual', {
        ...(values.encrypt && values.passphrase && { passphrase: values.passphrase }),
        onProgress: (progress) => setStage({ step: 'running', progress }),
      });
      // The passphrase is not kept anywhere once the backup is written.
      form.resetFields();
      setStage(result ? { step: 'done', result } : { step: 'form' });
    } catch (error) {
      console.error('[backup] manual backup failed', error);
      setStage({ step: 'failed', message: errorText(error, '备份失败，原有备份未受影响') });
    }
  });


  const running = stage.step === 'running';
  const progress = running ? stage.progress : undefined;
  return (
    <Modal
      title="立即备份"
      open={open}
      onCancel={close}
      onOk={stage.step === 'form' ? () => void submit() : close}
      afterOpenChange={focusFirstField}
      okText={stage.step === 'form' ? '开始备份' : '完成'}
      cancelButtonProps={{ style: stage.step === 'form' ? undefined : { display: 'none' } }}
      okButtonProps={{ loading: running }}
      closable={!running}
      mask={{ closable: !running }}
      destroyOnHidden
    >
      {stage.step === 'form' && (
        <Form {...formProps} form={form} layout="vertical" initialValues={{ encrypt: false }} requiredMark={false}>
          <Typography.Paragraph>备份包括全部台账记录、审计日志、设置和所有扫描件。桌面版会让您选择保存位置（例如 U 盘）。</Typography.Paragraph>
          <Form.Item name="encrypt" valuePropName="checked">
            <Checkbox>用口令加密备份文件</Checkbox>
          </Form.Item>
          {encrypt && (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title="口令不会被保存。忘记口令，这份备份就无法恢复，请另行妥善保管（可按保密要求密封存档）。"
              />
              <Form.Item
                name="passphrase"
                label="备份口令"
                rules={[{ required: true, message: '请输入备份口令' }, { min: MIN_PASSPHRASE_LENGTH, message: `口令至少 ${MIN_PASSPHRASE_LENGTH} 位` }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label="再次输入口令"
                dependencies={['passphrase']}
                rules={[
                  { required: true, message: '请再次输入口令' },
                  ({ getFieldValue }) => ({
                    validator: (_, value) => (value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error('两次输入的口令不一致'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </>
          )}
        </Form>
      )}
      {running && (
        <div role="status" aria-live="polite">
          <Typography.Paragraph>正在写入并校验备份，请勿关闭程序或拔出存储设备…</Typography.Paragraph>
          {progress?.rows ? (
            <>
              <Progress percent={Math.min(99, Math.floor((progress.rows.done / Math.max(1, progress.rows.total)) * 100))} status="active" />
              <Typography.Text type="secondary">
                已处理 {progress.rows.done.toLocaleString('zh-CN')} / {progress.rows.total.toLocaleString('zh-CN')} 条
              </Typography.Text>
            </>
          ) : (
            <>
              {progress && progress.attachmentBytes > 0 ? (
                <Progress percent={Math.min(99, Math.floor((progress.written / progress.attachmentBytes) * 100))} />
              ) : (
                <Progress percent={99} status="active" showInfo={false} />
              )}
              <Typography.Text type="secondary">已写入 {formatBytes(progress?.written ?? 0)}</Typography.Text>
            </>
          )}
        </div>
      )}
      {stage.step === 'done' && (
        <Alert
          type="success"
          showIcon
          title="备份完成，已通过校验"
          description={
            <>
              <div>文件：{stage.result.path}</div>
              <div>大小：{formatBytes(stage.result.bytes)}</div>
            </>
          }
        />
      )}
      {stage.step === 'failed' && <Alert type="error" showIcon title={stage.message} />}
    </Modal>
  );
}
