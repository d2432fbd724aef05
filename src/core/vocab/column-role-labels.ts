/**
 * How column roles are named to users in findings (zh-CN and en-US).
 */
import type { ColumnRole } from '../table-model.ts';

/** A role's display name in both languages. */
export interface RoleLabel {
  readonly zh: string;
  readonly en: string;
}

/** Display names of the column roles. */
export const COLUMN_ROLE_LABELS: Readonly<Record<ColumnRole, RoleLabel>> = {
  serial: { zh: '序号', en: 'serial number' }, // 序号
  unit: { zh: '责任单位', en: 'responsible unit' }, // 责任单位 / 牵头单位
  coUnit: { zh: '配合单位', en: 'co-unit' }, // 配合单位
  target: { zh: '目标任务', en: 'target' }, // 目标任务
  owner: { zh: '责任人', en: 'owner' }, // 责任人
  leader: { zh: '责任领导', en: 'leader in charge' }, // 责任领导
  contact: { zh: '联系人', en: 'contact' }, // 联系人 / 联络员
  deadline: { zh: '完成时限', en: 'deadline' }, // 完成时限
  planValue: { zh: '目标值', en: 'plan value' }, // 目标值
  actual: { zh: '完成值', en: 'actual' }, // 完成值
  completionRate: { zh: '完成率', en: 'completion rate' }, // 完成率
  progress: { zh: '进展情况', en: 'progress' }, // 进展情况
  remark: { zh: '备注', en: 'remark' }, // 备注
  category: { zh: '类别', en: 'category' }, // 类别
  weight: { zh: '权重', en: 'weight' }, // 权重
};
