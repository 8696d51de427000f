// 密码强度自检: the administrator may type a candidate password to test it against the profile's
// policy (002 第九条（二）2). The value lives only in this component's own state: it is never
// saved, logged, put in a store or sent anywhere, and it is gone when the dialog unmounts
// (the parent renders the dialog only while open; destroyOnHidden drops the input as well).
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { PasswordPolicy } from '@shared/profiles/types';
import { checkPassword, describePolicy } from '@shared/rules/password-policy';

export function PasswordCheckDialog({ policy, onClose }: { policy: PasswordPolicy; onClose: () => void }) {
  const [candidate, setCandidate] = useState('');
  const result = candidate ? checkPassword(candidate, policy) : undefined;
  return (
    <Modal
      open
      destroyOnHidden
      title="密码强度自检"
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭并清除</Button>}
    >
      <Typography.Paragraph>本单位密码规则：{describePolicy(policy)}。</Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="只在本窗口内检查：输入的内容不会保存、记录或发送，关闭窗口即清除。本系统不保存任何密码。"
      />
      {/* No <form>: nothing to submit, so the browser has no reason to offer to remember it. */}
      <Input.Password
        aria-label="待检查的密码"
        placeholder="输入拟使用的密码"
        autoComplete="new-password"
        spellCheck={false}
        value={candidate}
        onChange={(e) => setCandidate(e.target.value)}
      />
      <div aria-live="polite" style={{ marginTop: 16, minHeight: 40 }}>
        {result?.ok && <Alert type="success" showIcon title="符合本单位密码规则。请手写在登记表方框内后密封。" />}
        {result && !result.ok && (
          <Alert
            type="warning"
            showIcon
            title="不符合本单位密码规则"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {result.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
      </div>
    </Modal>
  );
}
