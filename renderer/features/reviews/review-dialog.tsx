// 新建审核: an item to be published on a platform (and column), entered from the paper form or
// before printing it. The chain of the profile in force is laid out as its steps.
import { AutoComplete, Checkbox, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Review } from '@shared/domain/records';
import { db } from '../../db/database';
import { DateField, fieldInstant } from '../../components/date-field';
import { usePageLookups } from '../../db/queries';
import { createReview } from '../../db/reviews';
import { PersonPicker, UnitSelect } from '../../components/record-select';
import { PlatformPicker } from '../../components/platform-picker';
import { useSubmit } from '../../components/use-submit';
import { WordHits } from './highlighted-text';
import { SaveDialog } from '../../components/save-dialog';

interface Values {
  platformId?: string;
  column?: string;
  title?: string;
  content?: string;
  copywriterId?: string;
  editorId?: string;
  imageSource?: string;
  submittingUnitId?: string;
  plannedAt?: Dayjs;
  major?: boolean;
}

export function ReviewDialog({
  timeZone,
  words,
  onClose,
  onSaved,
}: {
  /** The institution's clock: the picked 拟发布时间 is a time there, whatever the machine's zone. */
  timeZone: string;
  words: readonly string[];
  onClose: () => void;
  onSaved: (review: Review) => void;
}) {
  const [form] = Form.useForm<Values>();
  const platformId = Form.useWatch('platformId', form);
  const title = Form.useWatch('title', form);
  const content = Form.useWatch('content', form);

  // The platform is found by what is typed (the ledger may hold 10,000); the chosen one is read by id.
  const platform = useLiveQuery(async () => (platformId ? db.platforms.get(platformId) : undefined), [platformId]);
  // Units for 报送部门 (a few hundred); people are found by the pickers.
  const lookups = usePageLookups([]);
  const columnOptions = (platform?.columns ?? []).map((c) => {
    const name = c.level2 ? `${c.level1}／${c.level2}` : c.level1;
    return { value: name, label: `${name}（${c.department}）` };
  });

  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const saved = await createReview(db, {
        platformId: v.platformId!,
        title: v.title!,
        major: Boolean(v.major),
        column: v.column?.trim(),
        content: v.content?.trim(),
        copywriterId: v.copywriterId,
        editorId: v.editorId,
        imageSource: v.imageSource?.trim(),
        submittingUnitId: v.submittingUnitId ?? platform?.hostUnitId,
        plannedAt: v.plannedAt ? fieldInstant(v.plannedAt, timeZone) : undefined,
      });
      onSaved(saved);
      return '已登记，请打印审核表交审核人签审';
    },
  );


  return (
    <SaveDialog title="新建发布审核" width={680} submit={modalProps} onClose={onClose}>
      <Form<Values> {...formProps} form={form} layout="vertical" initialValues={{ major: false }}>
        <Form.Item name="platformId" label="发布平台" rules={[{ required: true, message: '请选择发布平台' }]}>
          <PlatformPicker value={platformId} onChange={(id) => form.setFieldValue('platformId', id)} placeholder="选择平台（可输入拼音首字母）" ariaLabel="发布平台" width="100%" />
        </Form.Item>
        <Form.Item name="column" label="栏目" extra={platform && columnOptions.length === 0 ? '该平台未登记栏目，可直接填写。' : undefined}>
          <AutoComplete options={columnOptions} placeholder="选择或填写栏目" />
        </Form.Item>
        <Form.Item name="title" label="信息标题" rules={[{ required: true, whitespace: true, message: '请填写信息标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="content" label="内容摘要" extra="正文较长时填写摘要或存放位置（如“见纸质稿”）。">
          <Input.TextArea rows={3} />
        </Form.Item>
        <WordHits texts={[title, content]} words={words} />
        <Form.Item name="copywriterId" label="文案">
          <PersonPicker />
        </Form.Item>
        <Form.Item name="editorId" label="编辑">
          <PersonPicker />
        </Form.Item>
        <Form.Item name="imageSource" label="图片来源">
          <Input />
        </Form.Item>
        <Form.Item name="submittingUnitId" label="报送部门" extra="不填则为平台的主办单位。">
          <UnitSelect lookups={lookups} />
        </Form.Item>
        <Form.Item name="plannedAt" label="拟发布时间">
          <DateField showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="major" valuePropName="checked" extra="重大决策、重要活动、重要事件、重要新闻报导等，须报上一级审批（按本单位规则）。">
          <Checkbox>重大事项</Checkbox>
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
