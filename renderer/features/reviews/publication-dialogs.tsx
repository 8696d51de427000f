// 发布 (time, link, who published — only when fully approved) and 纠错 (001 第九条: 删除/屏蔽/更正,
// when and why). The rules are asked first; a refusal is shown at its field and nothing is saved.
import { Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Correction, Review } from '@shared/domain/records';
import type { RuleProfile } from '@shared/profiles/types';
import { canCorrect, canMarkPublished } from '@shared/rules/review-chain';
import { db } from '../../db/database';
import { DateField, fieldInstant, nowField } from '../../components/date-field';
import { useTimeZone } from '../../db/queries';
import { addCorrection, publishReview } from '../../db/reviews';
import { PersonPicker } from '../../components/record-select';
import { useSubmit } from '../../components/use-submit';
import { SaveDialog } from '../../components/save-dialog';

interface PublishValues {
  publishedAt?: Dayjs;
  publishedUrl?: string;
  publishedById?: string;
}

export function PublishDialog({ review, profile, onClose }: { review: Review; profile: RuleProfile; onClose: () => void }) {
  const [form] = Form.useForm<PublishValues>();
  const timeZone = useTimeZone();

  const toEntry = (v: PublishValues) => ({ publishedAt: v.publishedAt ? fieldInstant(v.publishedAt, timeZone) : undefined, publishedUrl: v.publishedUrl?.trim(), publishedById: v.publishedById });
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      await publishReview(db, review.id, toEntry(v));
      onClose();
      return '已登记发布';
    },
    {
      check: (v) => {
        const allowed = canMarkPublished(review, toEntry(v), profile);
        if (allowed.ok) return undefined;
        const field = allowed.field === 'publishedUrl' || allowed.field === 'publishedById' ? allowed.field : 'publishedAt';
        return { [field]: allowed.reason };
      },
    },
  );


  return (
    <SaveDialog title="登记发布" submit={modalProps} onClose={onClose}>
      <Form<PublishValues> {...formProps} form={form} layout="vertical" initialValues={{ publishedAt: nowField(timeZone), publishedById: review.editorId }}>
        <Form.Item name="publishedAt" label="发布时间">
          <DateField showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="publishedUrl" label="发布链接" extra="文章的网址或公众号文章链接。">
          <Input />
        </Form.Item>
        <Form.Item name="publishedById" label="发布人" extra="发布操作的管理员。">
          <PersonPicker />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}

interface CorrectionValues {
  action?: Correction['action'];
  at?: Dayjs;
  reason?: string;
}

export function CorrectionDialog({ review, onClose }: { review: Review; onClose: () => void }) {
  const [form] = Form.useForm<CorrectionValues>();
  const timeZone = useTimeZone();

  const toCorrection = (v: CorrectionValues) => ({ action: v.action, at: v.at ? fieldInstant(v.at, timeZone) : undefined, reason: v.reason });
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      await addCorrection(db, review.id, toCorrection(v));
      onClose();
      return '已登记纠错';
    },
    {
      check: (v) => {
        const allowed = canCorrect(review, toCorrection(v));
        if (allowed.ok) return undefined;
        const field = allowed.field === 'action' || allowed.field === 'at' || allowed.field === 'reason' ? allowed.field : 'action';
        return { [field]: allowed.reason };
      },
    },
  );


  return (
    <SaveDialog title="登记纠错" submit={modalProps} onClose={onClose}>
      <Form<CorrectionValues> {...formProps} form={form} layout="vertical" initialValues={{ at: nowField(timeZone) }}>
        <Form.Item name="action" label="处理方式">
          <Radio.Group options={(['删除', '屏蔽', '更正'] as const).map((a) => ({ value: a, label: a }))} />
        </Form.Item>
        <Form.Item name="at" label="处理时间">
          <DateField showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="reason" label="纠错原因" extra="发现了什么问题、删除或屏蔽了什么（001 第九条）。">
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
