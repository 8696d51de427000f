// 与上年比较 and 拟关停注销: what changed since last year's campaign (new and closed accounts,
// changed administrators, failed items) and the accounts to close (001 第六条, 004 通知 僵尸号).
import { Card, Col, Empty, List, Pagination, Row, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { RuleProfile } from '@shared/profiles/types';
import { clauseFor } from '@shared/profiles/clauses';
import type { CampaignSummary, PlatformLabel } from '@shared/rules/campaign-summary';
import { formatMonth } from '@shared/domain/month-date';
import { routeHref } from '../../app/routes';

interface Props {
  /** The year's figures, computed in the registers' worker (compareWithLastYear, closureCandidates). */
  summary: CampaignSummary;
  profile: RuleProfile;
}

const label = (p: PlatformLabel) => `${p.name}（${p.kind}）`;

const SHOWN = 50;

/** One part of the comparison: its count and its items, 50 at a time (a university has thousands). */
function Section<T>({ title, items, render }: { title: string; items: readonly T[]; render: (item: T) => ReactNode }) {
  const [page, setPage] = useState(1);
  return (
    <Col xs={24} md={12}>
      <Typography.Text strong>
        {title}（{items.length}）
      </Typography.Text>
      {items.length ? (
        <>
          <ul style={{ margin: '4px 0 12px', paddingInlineStart: 20 }}>{items.slice((page - 1) * SHOWN, page * SHOWN).map(render)}</ul>
          <Pagination size="small" simple current={page} pageSize={SHOWN} total={items.length} onChange={setPage} hideOnSinglePage style={{ marginBottom: 12 }} />
        </>
      ) : (
        <Typography.Paragraph type="secondary">无</Typography.Paragraph>
      )}
    </Col>
  );
}

export function CampaignReview({ summary, profile }: Props) {
  const { year, comparison: cmp, closure } = summary;
  const labelOf = (id: string) => summary.labels[id] ?? '（平台已删除）';

  return (
    <>
      <Card title={`与上年比较（${year}年度与${year - 1}年度）`} style={{ marginTop: 16 }} aria-label="与上年比较">
        <Row gutter={24}>
          <Section
            title="新增账号"
            items={cmp.added}
            render={(p) => <li key={p.id}>{`${label(p)}${p.openedOn ? `，${formatMonth(p.openedOn) ?? p.openedOn}开通` : ''}`}</li>}
          />
          <Section
            title="停用或注销的账号"
            items={cmp.closed}
            render={(c) => <li key={c.platform.id}>{`${label(c.platform)}：${c.status}${c.date ? `（${c.date}）` : ''}`}</li>}
          />
          <Section
            title="总管理员变更"
            items={cmp.adminChanges}
            render={(c) => <li key={`${c.platformId}-${c.date}-${c.after}`}>{`${labelOf(c.platformId)}：${c.before} → ${c.after}（${c.date}）`}</li>}
          />
          <Section
            title="不符合项"
            items={cmp.failed}
            render={(f) => (
              <li key={`${f.inspectionId}-${f.item}`}>
                {`${labelOf(f.platformId)}：${f.item}${f.note ? `（${f.note}）` : ''}`}
                {f.repeated && (
                  <Tag color="red" style={{ marginInlineStart: 6 }}>
                    连续两年
                  </Tag>
                )}
              </li>
            )}
          />
        </Row>
      </Card>
      <Card title={`拟关停注销（${closure.length}）`} style={{ marginTop: 16 }} aria-label="拟关停注销">
        <Typography.Paragraph type="secondary">
          未报备或审批未通过的账号须及时关闭或注销（{clauseFor(profile, 'closeUnfiled')}）；超过{profile.zombieMonths}个月未更新的“僵尸号”应整改、整合或下线（{clauseFor(profile, 'zombie')}）。核实后在“开通与备案”中办理注销备案。
        </Typography.Paragraph>
        {closure.length === 0 ? (
          <Empty description="没有需要关停注销的账号" />
        ) : (
          <List
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            dataSource={closure}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta
                  title={<a href={routeHref('platforms', c.platform.id)}>{label(c.platform)}</a>}
                  description={c.reasons.map((r) => (
                    <div key={r.reason}>
                      <Tag color={r.reason === '未备案' ? 'orange' : 'red'}>{r.reason}</Tag>
                      {r.detail}（{r.source}）
                    </div>
                  ))}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
