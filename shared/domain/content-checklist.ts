// The prohibited-content checklist shown on every review: seed 003 第十一条 items 1–10 word for
// word, then the points of seed 000 第七条 (1–4 and the 保密 rule of 2). A ticked item means the
// reviewer checked the item for it; the ids are stored on the review, the texts stay here.

export interface ChecklistItem {
  /** Stable id stored on the review, e.g. '003-11-1'. */
  id: string;
  /** Clause it comes from, e.g. '003 第十一条 1'. */
  source: string;
  text: string;
}

const SEED_003_ITEM_TEXTS = [
  '反对宪法所确定的基本原则的;',
  '危害国家安全,泄露国家秘密,颠覆国家主权的,破坏国家统一的;',
  '损害国家荣誉或利益的;',
  '煽动民族仇恨、民族歧视,破坏民族团结的;',
  '破坏国家宗教政策,宣扬邪教或封建迷信的;',
  '散布谣言,破坏社会秩序,扰乱社会稳定的;',
  '散布淫秽、色情、赌博、暴力、凶杀、恐怖或者教唆犯罪的;',
  '侮辱或诽谤他人,侵犯他人合法权益的;',
  '涉及商业、学术或其它不宜公开的;',
  '含有法律、行政法规和学院相关规定禁止的其他内容;',
] as const;

const SEED_000_ITEM_TEXTS = [
  '（1）严禁发布危害国家安全、荣誉和利益，煽动颠覆国家政权、推翻社会主义制度，煽动分裂国家、破坏国家统一，宣扬恐怖主义、极端主义，宣扬民族仇恨、民族歧视以及暴力、淫秽色情的信息。',
  '（2）严禁利用网络平台从事编造、传播不实、虚假和错误信息以及侵害他人名誉、隐私、知识产权和其他合法权益等活动。',
  '（3）严禁发布有违学校各项规章制度及有损学校声誉的内容。',
  '（4）严禁利用单位官方网络平台发布与工作无关的信息。',
] as const;

/** 000 第七条 2, the sentences a reviewer checks against (the clause's 保密 rule). */
const SEED_000_SECRECY =
  '坚持“涉密信息不上网、上网信息不涉密”原则，重要信息发布必须经保密审查，确保信息安全，禁止发布包含涉密文件标题、发文字号、主要内容、传达落实情况等内容的文字、图片资料，禁止发布涉及国家秘密的信息，禁止相关敏感话题。';

export const PROHIBITED_CONTENT_CHECKLIST: readonly ChecklistItem[] = [
  ...SEED_003_ITEM_TEXTS.map((text, i) => ({ id: `003-11-${i + 1}`, source: `003 第十一条 ${i + 1}`, text: `${i + 1}. ${text}` })),
  ...SEED_000_ITEM_TEXTS.map((text, i) => ({ id: `000-7-1-${i + 1}`, source: `000 第七条 1（${i + 1}）`, text })),
  { id: '000-7-2', source: '000 第七条 2', text: `2.严格执行保密制度。${SEED_000_SECRECY}` },
];

/** How many of the checklist items are ticked, ignoring ids no longer on the list. */
export function checklistProgress(ticked: readonly string[] | undefined): { done: number; total: number } {
  const set = new Set(ticked ?? []);
  return { done: PROHIBITED_CONTENT_CHECKLIST.filter((item) => set.has(item.id)).length, total: PROHIBITED_CONTENT_CHECKLIST.length };
}

const ITEMS_BY_ID = new Map(PROHIBITED_CONTENT_CHECKLIST.map((item) => [item.id, item]));

/** The item an id stored on a review stands for, or undefined for an id no longer on the list. */
export function checklistItem(id: string): ChecklistItem | undefined {
  return ITEMS_BY_ID.get(id);
}
