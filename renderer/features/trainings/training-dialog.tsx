// 新建 / 编辑 a training session (003 第十五条, 004 第十条): date, topic, speaker, team and the people
// who signed in. A session may be entered ahead of time to print its sign-in sheet (F16).
import { Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { TRAINING_TEAMS, type Training } from '@shared/domain/records';
import { checkTraining, TRAINING_LOCATION_MAX, type TrainingInput } from '@shared/rules/training-rules';
import { db } from '../../db/database';
import { DateField, todayField } from '../../components/date-field';
import { localToday } from '@shared/domain/today';
import { saveTraining } from '../../db/trainings';
import { PersonPicker } from '../../components/record-select';
import { refusals, useSubmit } from '../../components/use-submit';
import { SaveDialog } from '../../components/save-dialog';

interface Values {
  date?: Dayjs;
  topic?: string;
  speaker?: string;
  location?: string;
  team?: TrainingInput['team'];
  attendeeIds: string[];
}

export function TrainingDialog({ training, onClose, onSaved }: { training?: Training; onClose: () => void; onSaved?: (t: Training) => void }) {
  const [form] = Form.useForm<Values>();

  const initialValues: Values = training ? { ...training, date: dayjs(training.date), attendeeIds: [...training.attendeeIds] } : { date: todayField(), attendeeIds: [] };

  const toInput = (v: Values): TrainingInput => ({ date: v.date?.format('YYYY-MM-DD'), topic: v.topic, speaker: v.speaker, location: v.location, team: v.team, attendeeIds: v.attendeeIds });
  const { formProps, modalProps } = useSubmit(
    form,
    async (v) => {
      const saved = await saveTraining(db, toInput(v), training?.id);
      onSaved?.(saved);
      onClose();
      return training ? '已保存' : `已登记培训：${saved.topic}`;
    },
    { check: (v) => refusals(checkTraining(toInput(v), localToday())), fallback: '保存失败' },
  );


  return (
    <SaveDialog title={training ? '编辑培训' : '登记培训'} width={640} submit={modalProps} onClose={onClose}>
      <Form<Values> {...formProps} form={form} layout="vertical" initialValues={initialValues}>
        <Form.Item name="date" label="培训日期" required>
          <DateField />
        </Form.Item>
        <Form.Item name="topic" label="培训主题" required>
          <Input maxLength={100} placeholder="例如：新媒体平台信息发布审核与网络安全" />
        </Form.Item>
        <Form.Item name="speaker" label="主讲人">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="location" label="培训地点" extra="印在签到表的“地点”栏。">
          <Input maxLength={TRAINING_LOCATION_MAX} placeholder="例如：行政楼三楼会议室" />
        </Form.Item>
        <Form.Item name="team" label="培训对象（队伍）">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="选择队伍" options={TRAINING_TEAMS.map((t) => ({ value: t, label: t }))} />
        </Form.Item>
        <Form.Item name="attendeeIds" label="签到人员" extra="培训后按签到表登记；培训前可留空，先打印签到表。">
          <PersonPicker multiple placeholder="选择签到人员（可输入拼音首字母）" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}
