// Placeholder for an area that a later release builds: says plainly what will come here.
import { Empty, Typography } from 'antd';

export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <section aria-labelledby="coming-soon-title">
      <Typography.Title level={3} id="coming-soon-title">
        {title}
      </Typography.Title>
      <Empty description={<span>此功能尚在建设中，将在后续版本提供。</span>}>
        <Typography.Paragraph type="secondary" style={{ maxWidth: 560, margin: '0 auto' }}>
          {description}
        </Typography.Paragraph>
      </Empty>
    </section>
  );
}
