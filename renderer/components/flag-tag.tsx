// A red flag in a register's row (离岗, 逾期, 2人离岗) with its explanation shown on hover. The
// explanation is the tag's own title, not an antd Tooltip: a register draws a flag in many of its
// 25 or 50 rows at every read, and each Tooltip mounted its motion, its style hooks and its
// observers for a hover that may never come.
import type { ReactNode } from 'react';
import { StatusTag } from './status-tag';

export function FlagTag({ tip, children }: { tip: string; children: ReactNode }) {
  return (
    <StatusTag color="red" title={tip} style={{ marginInlineStart: 6 }}>
      {children}
    </StatusTag>
  );
}
