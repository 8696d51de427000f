// A tag in a list's row (状态, 类别, 逾期, 离岗…): a plain <span> drawn as antd's <Tag> looks (its
// filled variant), by app.css in the theme's variables. A register draws one to three in each of
// its 20–50 rows at every read, and antd's Tag runs its theme token and style hooks for each.
import type { CSSProperties, ReactNode } from 'react';

/** antd's preset colours the lists use ('default': grey). */
export type TagColor = 'default' | 'blue' | 'cyan' | 'green' | 'orange' | 'red' | 'magenta' | 'volcano' | 'gold' | 'purple';

export function StatusTag({ color = 'default', title, style, children }: { color?: TagColor; title?: string; style?: CSSProperties; children: ReactNode }) {
  return (
    <span className={`ledger-tag ledger-tag-${color}`} title={title} style={style}>
      {children}
    </span>
  );
}
