// A person's name with a red 离岗 flag when they have left but still hold the role shown.
import { FlagTag } from './flag-tag';
import type { Lookups } from '../db/queries';

export function PersonName({ id, lookups, role }: { id: string | undefined; lookups: Lookups; role?: string }) {
  // Lookups read by id arrive after the first render: until then nothing, rather than 已删除.
  if (!id || !lookups.loaded) return null;
  const person = lookups.people.get(id);
  if (!person) return <span>{lookups.personName(id)}</span>;
  return (
    <span>
      {person.name}
      {person.status === '离岗' && (
        <FlagTag tip={`${person.name}已于${person.statusDate ?? '（日期未填）'}离岗${role ? `，仍登记为${role}` : ''}，请及时调整。`}>离岗</FlagTag>
      )}
    </span>
  );
}
