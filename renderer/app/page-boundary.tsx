// Catches what a page throws while it renders or loads (a page's code that cannot be read, a bug
// in one page), so that the navigation stays usable and the clerk is told what to do; the other
// pages keep working. Keyed by the area, so opening another page starts afresh.
import { Alert, Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

export class PageBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[page]', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert
        type="error"
        showIcon
        title="此页面无法打开"
        description="数据未受影响。请点击“重新载入”；如仍无法打开，请重启程序。"
        action={
          <Button size="small" onClick={() => window.location.reload()}>
            重新载入
          </Button>
        }
      />
    );
  }
}
