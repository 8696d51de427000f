// 敏感词表: the clerk's own list of sensitive words, secrecy marks and common misspellings, one a
// line. Kept in the local settings; the check runs on this machine and nothing is sent anywhere.
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { cleanWordList, DEFAULT_SENSITIVE_WORDS } from '@shared/rules/word-check';
import { db } from '../../db/database';
import { saveSensitiveWords } from '../../db/reviews';
import { useSubmit } from '../../components/use-submit';
import { SaveDialog } from '../../components/save-dialog';

export function SensitiveWordsDialog({ words, onClose }: { words: readonly string[]; onClose: () => void }) {
  const [text, setText] = useState(words.join('\n'));
  const [form] = Form.useForm();
  const { formProps, modalProps } = useSubmit(form, async () => {
    const list = cleanWordList(text.split(/\r?\n/));
    await saveSensitiveWords(db, list);
    onClose();
    return `已保存敏感词表（${list.length}个词）`;
  });


  return (
    <SaveDialog title="敏感词表" submit={modalProps} onClose={onClose}>
      <Typography.Paragraph type="secondary">
        每行一个词。审核时会在信息标题和内容摘要中标出这些词（不区分全角半角和大小写）。词表只保存在本机，检查也只在本机进行，不会发送到任何地方。
      </Typography.Paragraph>
      <Form {...formProps} form={form} layout="vertical">
        <Form.Item label="敏感词和易错词" htmlFor="sensitive-words">
          <Input.TextArea id="sensitive-words" rows={12} value={text} onChange={(e) => setText(e.target.value)} />
        </Form.Item>
      </Form>
      <Button onClick={() => setText(cleanWordList([...text.split(/\r?\n/), ...DEFAULT_SENSITIVE_WORDS]).join('\n'))}>加入常用词（密级标识、常见错别字）</Button>
    </SaveDialog>
  );
}
