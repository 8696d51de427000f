// One review: the item (with sensitive words marked), its steps as recorded from the paper form,
// earlier rounds that were returned, the prohibited-content checklist, and the actions — record a
// step, print the profile's form, 发布, 修改后重新送审, 重发重审, 纠错. The published record names
// 文案, 编辑, 审查人, 发布时间 (001 第七条).
import { App as AntApp, Alert, Button, Checkbox, Collapse, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Platform } from '@shared/domain/platform';
import type { Review, ReviewStepRecord } from '@shared/domain/records';
import type { RuleProfile } from '@shared/profiles/types';
import { PROHIBITED_CONTENT_CHECKLIST, checklistProgress } from '@shared/domain/content-checklist';
import {
  canPublish,
  canRepublish,
  canStartNewRound,
  chainFor,
  currentReviewers,
  reviewStatus,
  stepAt,
  stepName,
  waitingOn,
} from '@shared/rules/review-chain';
import { db } from '../../db/database';
import type { Lookups } from '../../db/queries';
import { republishReview, resubmitReview, saveChecklist } from '../../db/reviews';
import { navigate, routeHref } from '../../app/routes';
import { showError } from '../../app/errors';
import { DeleteButton } from '../../components/delete-button';
import { PrintPreview } from '../print/print-preview';
import { usePdfWarmUpAtOnce } from '../../pdf/use-pdf-warm-up';
import { HighlightedText } from './highlighted-text';
import { StepForm } from './step-form';
import { CorrectionDialog, PublishDialog } from './publication-dialogs';
import { reviewFormOf, type ReviewFormId } from '@shared/profiles/review-form';
import { instantText, profileZone } from '@shared/domain/time-zone';
import { reviewFormTitle, STATUS_COLORS } from './review-format';

type Dialog = 'publish' | 'correct' | 'print' | null;

function StepsTable({ steps, lookups, caption }: { steps: ReviewStepRecord[]; lookups: Lookups; caption: string }) {
  return (
    <Table
      size="small"
      pagination={false}
      aria-label={caption}
      rowKey={(s) => String(s.stepIndex)}
      dataSource={steps}
      columns={[
        { title: '审核级别', width: 170, render: (_, s) => stepName(s.stepIndex, s.roleLabel) },
        { title: '审核人', width: 140, render: (_, s) => s.reviewerIds.map(lookups.personName).join('、') },
        { title: '审核意见', render: (_, s) => s.opinion ?? '' },
        { title: '结论', width: 90, render: (_, s) => (s.decision ? <Tag color={s.decision === '通过' ? 'green' : 'orange'}>{s.decision}</Tag> : <Tag>待审核</Tag>) },
        { title: '日期', width: 105, render: (_, s) => s.date ?? '' },
      ]}
    />
  );
}

export function ReviewDrawer({
  review: r,
  profile,
  platform,
  reviews,
  lookups,
  words,
}: {
  review: Review;
  profile: RuleProfile;
  platform: Platform | undefined;
  reviews: readonly Review[];
  /** Names of the people the review names (and units). */
  lookups: Lookups;
  words: readonly string[];
}) {
  const { message } = AntApp.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const status = reviewStatus(r, profile);
  const chain = chainFor(profile, r.major);
  // The chain as laid out for this item, with what has been recorded at each step.
  const steps: ReviewStepRecord[] = chain.map((rule, i) => stepAt(r, i) ?? { stepIndex: i, roleLabel: rule.roleLabel, reviewerIds: [] });
  const formId = reviewFormOf(profile);
  usePdfWarmUpAtOnce(formId !== undefined);
  const tz = profileZone(profile);
  const original = r.originalReviewId ? reviews.find((x) => x.id === r.originalReviewId) : undefined;
  const republished = reviews.filter((x) => x.originalReviewId === r.id);
  const progress = checklistProgress(r.checklist);
  const waiting = waitingOn(r, profile, lookups.personName);
  const open = status === '待审' || status === '审核中';

  const tryPublish = () => {
    const allowed = canPublish(r, profile);
    if (!allowed.ok) {
      setRefusal(allowed.reason);
      return;
    }
    setRefusal(null);
    setDialog('publish');
  };

  const run = async (action: () => Promise<Review>, done: string, fallback: string, go = false) => {
    try {
      const saved = await action();
      void message.success(done);
      if (go) navigate('reviews', saved.id);
    } catch (e) {
      showError(e, fallback);
    }
  };

  return (
    <Drawer
      open
      size={760}
      title={`发布审核：${r.title}`}
      onClose={() => navigate('reviews')}
      extra={
        <Space wrap>
          {/* A profile naming no review form prints none, rather than another institution's chain. */}
          {formId && <Button onClick={() => setDialog('print')}>打印{reviewFormTitle(formId, profile)}</Button>}
          {!r.publishedAt && (
            <Button type="primary" onClick={tryPublish}>
              发布
            </Button>
          )}
          {canStartNewRound(r).ok && <Button onClick={() => void run(() => resubmitReview(db, r.id), '已重新送审，从第一级开始新一轮审核', '重新送审失败')}>修改后重新送审</Button>}
          {canRepublish(r).ok && <Button onClick={() => void run(() => republishReview(db, r.id), '已新建重发审核，须重新逐级审核', '重发重审失败', true)}>重发重审</Button>}
          {r.publishedAt && (
            <Button danger onClick={() => setDialog('correct')}>
              纠错
            </Button>
          )}
        </Space>
      }
    >
      {refusal && (
        <Alert type="error" showIcon role="alert" title="不能发布" description={refusal} closable={{ onClose: () => setRefusal(null), 'aria-label': '关闭提示' }} style={{ marginBottom: 16 }} />
      )}
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="状态">
          <Space>
            <Tag color={STATUS_COLORS[status]}>{status}</Tag>
            {waiting && <Typography.Text>{waiting}</Typography.Text>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="发布平台">
          {platform ? <a href={routeHref('platforms', platform.id)}>{`${platform.name}（${platform.kind}）`}</a> : '（平台已删除）'}
        </Descriptions.Item>
        {r.column && <Descriptions.Item label="栏目">{r.column}</Descriptions.Item>}
        <Descriptions.Item label="信息标题">
          <HighlightedText text={r.title} words={words} />
        </Descriptions.Item>
        {r.content && (
          <Descriptions.Item label="内容摘要">
            <HighlightedText text={r.content} words={words} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label="文案">{lookups.personName(r.copywriterId)}</Descriptions.Item>
        <Descriptions.Item label="编辑">{lookups.personName(r.editorId)}</Descriptions.Item>
        {r.imageSource && <Descriptions.Item label="图片来源">{r.imageSource}</Descriptions.Item>}
        <Descriptions.Item label="报送部门">{lookups.unitName(r.submittingUnitId)}</Descriptions.Item>
        {r.plannedAt && <Descriptions.Item label="拟发布时间">{instantText(r.plannedAt, tz)}</Descriptions.Item>}
        <Descriptions.Item label="提交时间">{instantText(r.createdAt, tz)}</Descriptions.Item>
        <Descriptions.Item label="重大事项">{r.major ? '是（须经上一级审批）' : '否'}</Descriptions.Item>
        {original && (
          <Descriptions.Item label="重发重审">
            原审核：<a href={routeHref('reviews', original.id)}>{original.title}</a>（{instantText(original.publishedAt, tz)}发布）
          </Descriptions.Item>
        )}
        {republished.length > 0 && (
          <Descriptions.Item label="已重发">
            {republished.map((x) => (
              <div key={x.id}>
                <a href={routeHref('reviews', x.id)}>{x.title}</a>（{reviewStatus(x, profile)}）
              </div>
            ))}
          </Descriptions.Item>
        )}
      </Descriptions>

      {r.publishedAt && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            发布记录
          </Typography.Title>
          <Descriptions column={2} bordered size="small" aria-label="发布记录">
            <Descriptions.Item label="文案">{lookups.personName(r.copywriterId)}</Descriptions.Item>
            <Descriptions.Item label="编辑">{lookups.personName(r.editorId)}</Descriptions.Item>
            <Descriptions.Item label="审查人">{currentReviewers(r).map(lookups.personName).join('、')}</Descriptions.Item>
            <Descriptions.Item label="发布时间">{instantText(r.publishedAt, tz)}</Descriptions.Item>
            <Descriptions.Item label="发布链接">{r.publishedUrl ?? ''}</Descriptions.Item>
            <Descriptions.Item label="发布人">{lookups.personName(r.publishedById)}</Descriptions.Item>
          </Descriptions>
        </>
      )}

      {r.corrections.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            纠错记录
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            aria-label="纠错记录"
            rowKey={(c) => `${c.at}-${c.action}`}
            dataSource={r.corrections}
            columns={[
              { title: '处理方式', width: 90, dataIndex: 'action' },
              { title: '处理时间', width: 150, render: (_, c) => instantText(c.at, tz) },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
        </>
      )}

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        审核流程（{profile.name}：{chain.map((rule) => rule.roleLabel).join(' → ')}；至少{profile.minReviewers}名审核人）
      </Typography.Title>
      <StepsTable steps={steps} lookups={lookups} caption="审核流程" />
      {(r.returnedRounds?.length ?? 0) > 0 && (
        <Collapse
          style={{ marginTop: 12 }}
          size="small"
          items={(r.returnedRounds ?? []).map((round, i) => ({
            key: String(i),
            label: `第${i + 1}轮（退回修改）`,
            children: <StepsTable steps={round} lookups={lookups} caption={`第${i + 1}轮审核`} />,
          }))}
        />
      )}
      {open && (
        <div style={{ marginTop: 16, padding: 16, background: '#fafafa', border: '1px solid #f0f0f0' }}>
          <StepForm review={r} profile={profile} />
        </div>
      )}

      <Typography.Title level={5} style={{ marginTop: 20 }}>
        禁止发布内容核对（{progress.done}/{progress.total}）
      </Typography.Title>
      <Typography.Paragraph type="secondary">勾选表示已核对，信息中不含该项内容（003 第十一条、000 第七条）。</Typography.Paragraph>
      <Checkbox.Group
        aria-label="禁止发布内容核对"
        value={r.checklist ?? []}
        disabled={Boolean(r.publishedAt)}
        onChange={(ticked) => void saveChecklist(db, r.id, ticked.map(String)).catch((e: unknown) => showError(e, '保存失败'))}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        options={PROHIBITED_CONTENT_CHECKLIST.map((item) => ({ value: item.id, label: `${item.text}（${item.source}）` }))}
      />

      <div style={{ marginTop: 20 }}>
        <DeleteButton table="reviews" id={r.id} name={`发布审核（${r.title}）`} />
      </div>

      {dialog === 'publish' && <PublishDialog review={r} profile={profile} onClose={() => setDialog(null)} />}
      {dialog === 'correct' && <CorrectionDialog review={r} onClose={() => setDialog(null)} />}
      {dialog === 'print' && formId && <ReviewPrint review={r} formId={formId} onClose={() => setDialog(null)} />}
    </Drawer>
  );
}

/** The profile's review form for this review; built once per edit so the preview does not rebuild on every tick. */
function ReviewPrint({ review, formId, onClose }: { review: Review; formId: ReviewFormId; onClose: () => void }) {
  const [record] = useState(review);
  return <PrintPreview formId={formId} record={record} onClose={onClose} />;
}
