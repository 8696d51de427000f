// The checks of an annual account inspection (年度检查): what a new inspection starts with and what
// a blank F11 asks about. Data only, so that the campaign rules and the F11 form both import it.

/** What a blank form asks about, drawn from the seeds' duties (004 第六、九、十条; 003 第十七条; 004 通知). */
export const DEFAULT_INSPECTION_CHECKS = [
  '已备案，变更已按时报备',
  '落实先审后发的审核制度',
  '持续更新，无“僵尸号”情况',
  '无广告、经营性信息及侵权行为',
  '无违法违规、有损学校声誉的信息',
  '密码专人管理、密封存档、定期修改',
  '管理人员参加业务培训',
] as const;
