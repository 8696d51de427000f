// Create or edit a platform with every registry field (the account data of 001 附件1 and 004 第五条, printed on F04 and F08), in a drawer.
import { Button, Checkbox, Col, Divider, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import {
  CERTIFICATION_STATUSES,
  LIFECYCLE_STATUSES,
  PLATFORM_KINDS,
  isGroupKind,
  type Platform,
  type PlatformKind,
} from '@shared/domain/platform';
import { accountIdLabel } from '@shared/domain/field-text';
import { validatePlatform } from '@shared/domain/validation';
import { usePageLookups } from '../../db/queries';
import { DateField } from '../../components/date-field';
import { db } from '../../db/database';
import { PersonPicker, UnitSelect } from '../../components/record-select';
import { useRecordSubmit } from '../../components/use-record-submit';
import { savePlatform } from '../../db/repository';
import { fromFormValues, toFormValues, type PlatformFormValues } from './platform-form-values';

export function PlatformForm({
  platform,
  onClose,
  onSaved,
  initialKind,
}: {
  platform?: Platform;
  onClose: () => void;
  onSaved?: (p: Platform) => void;
  /** The kind a new record starts as (工作群 › 新建 starts as a 微信群). */
  initialKind?: PlatformKind;
}) {
  const [form] = Form.useForm<PlatformFormValues>();
  // The units to choose from; people are found by the pickers' search and read by id.
  const lookups = usePageLookups([]);
  const kind = Form.useWatch('kind', form) as PlatformKind | undefined;
  const involvesData = Form.useWatch(['server', 'involvesData'], form) as boolean | undefined;
  const group = kind ? isGroupKind(kind) : false;

  const { formProps, modalProps, submit, saving } = useRecordSubmit<Platform, PlatformFormValues>(form, {
    table: 'platforms',
    validate: validatePlatform,
    toDraft: (values) => {
      const draft = fromFormValues(values, platform);
      if (!(values.kind && isGroupKind(values.kind))) delete draft.group;
      return draft;
    },
    existingId: platform?.id,
    // Refuses an account registered twice, inside the write (the message goes to the 账号 field).
    save: (draft, id) => savePlatform(db, draft, id),
    onSaved: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });


  return (
    <Drawer
      open
      size={820}
      title={platform ? `编辑平台：${platform.name}` : '新建平台'}
      onClose={onClose}
      maskClosable={false}
      destroyOnHidden
      afterOpenChange={modalProps.afterOpenChange}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form {...formProps} form={form} layout="vertical" initialValues={{ ...toFormValues(platform), ...(!platform && initialKind && { kind: initialKind }) }}>
        <Divider titlePlacement="start">基本信息</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="kind" label="平台类型" required>
              <Select options={PLATFORM_KINDS.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="name" label="账号/平台名称" required>
              <Input autoFocus placeholder="例如：东湖示范大学图书馆" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="accountId" label={accountIdLabel(kind)} required={kind !== '其他'}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="url" label="网址（如有）">
              <Input placeholder="例如：www.xxx.edu.cn" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hostUnitId" label="主办（主管）单位" required>
              <UnitSelect lookups={lookups} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="openedOn" label="开通时间">
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="existedBeforeLedger"
              label="建立本台账前已开通"
              valuePropName="checked"
              extra="已开通多年、现补登记的账号请勾选：将提醒补办开通审批或备案。"
            >
              <Checkbox>是，需补办审批备案</Checkbox>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="sponsorUnitId" label="挂靠单位（学生组织、社团）">
              <UnitSelect lookups={lookups} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="guidingTeacherId" label="指导教师（学生组织、社团）">
              <PersonPicker />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="purpose" label="宗旨 / 功能定位">
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="contentScope" label="信息发布范围">
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="certification" label="实名认证">
              <Select options={CERTIFICATION_STATUSES.map((k) => ({ value: k, label: k }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['server', 'involvesData']} label="服务器">
              <Radio.Group
                options={[
                  { value: false, label: '不涉及数据服务' },
                  { value: true, label: '涉及数据服务' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['server', 'location']} label="服务器设置在">
              <Input disabled={!involvesData} />
            </Form.Item>
          </Col>
          {!platform && (
            <>
              <Col span={8}>
                <Form.Item name="status" label="当前状态">
                  <Select options={LIFECYCLE_STATUSES.map((k) => ({ value: k, label: k }))} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="initialStatusDate" label="状态日期">
                  <DateField style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>

        <Divider titlePlacement="start">责任体系</Divider>
        <Row gutter={16}>
          {(
            [
              ['responsibleId', '责任人（党委（总支）书记或职能部门正职）'],
              ['businessLeadId', '业务负责人'],
              ['technicalLeadId', '技术负责人'],
              ['chiefAdminId', '总管理员'],
            ] as const
          ).map(([name, label]) => (
            <Col span={12} key={name}>
              <Form.Item name={name} label={label}>
                <PersonPicker />
              </Form.Item>
            </Col>
          ))}
          <Col span={24}>
            <Form.Item name="sectionAdminIds" label="分管理员">
              <PersonPicker multiple />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="measures" label="管理措施（简明罗列主要管理措施）">
              <Input.TextArea rows={3} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="lastUpdateOn" label="最近更新日期（经核查）">
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        {group && (
          <>
            <Divider titlePlacement="start">工作群</Divider>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name={['group', 'ownerId']} label="群主（管理员）">
                  <PersonPicker />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['group', 'supervisorId']} label="监督人">
                  <PersonPicker />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['group', 'memberCount']} label="成员人数">
                  <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['group', 'realNameCheckDates']} label="实名核查日期">
                  <DateField multiple style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}

        <Divider titlePlacement="start">栏目设置及分工</Divider>
        <Form.List name="columns">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'level1']} aria-label="一级栏目">
                    <Input placeholder="一级栏目" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'level2']}>
                    <Input placeholder="二级栏目或内容" style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'department']}>
                    <Input placeholder="负责部门" />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ level1: '', department: '' })} block>
                添加栏目
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">备注</Divider>
        <Form.Item name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
