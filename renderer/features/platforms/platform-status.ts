// The tag colour of each lifecycle status, shared by the registry list and a platform's detail page.
import type { LifecycleStatus } from '@shared/domain/platform';
import type { TagColor } from '../../components/status-tag';

export const STATUS_COLORS: Record<LifecycleStatus, TagColor> = {
  申请中: 'blue',
  已批准: 'cyan',
  运行中: 'green',
  整改中: 'orange',
  已停用: 'default',
  已注销: 'default',
};
