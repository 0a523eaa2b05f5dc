// Frequently asked questions (常见问题) per service item, as a city's service catalogue keeps
// them. Fixed data (no seed): the same codes as src/seed/service-items.ts.
import { SERVICE_ITEMS } from '../../seed/service-items';

export interface FaqEntry {
  faqId: string;
  itemCode: string;
  question: string;
  answer: string;
  /** Words residents use for the same thing (口语说法), searched like the question. */
  keywords: string[];
}

type Raw = [question: string, answer: string, keywords: string[]];

const RAW: Record<string, Raw[]> = {
  'HJ-QR-GF': [
    [
      '买了房子可以把户口迁过来吗？',
      '在本市购买住房并取得不动产权证书的，本人及配偶、未成年子女可申请购房落户；产权份额和面积要求以当地政策为准。',
      ['买房', '落户', '户口', '迁户口', '房产'],
    ],
    [
      '购房落户需要准备哪些材料？',
      '身份证、户口簿、不动产权证书；证照库已有的材料经您同意后由部门直接调取，无需上传。',
      ['材料', '买房落户', '准备什么'],
    ],
    ['购房落户办理要多久？', '承诺时限为 10 个工作日，自受理之日的次一工作日起计算。', ['多久', '时限', '几天']],
  ],
  'HJ-QR-FQ': [
    [
      '夫妻投靠落户需要结婚多久？',
      '一般要求结婚满 2 年（各地规定不同，以受理窗口告知为准），并在本市有合法固定住所。',
      ['结婚', '夫妻', '投靠', '配偶'],
    ],
    [
      '夫妻投靠要带结婚证原件吗？',
      '电子结婚证可由婚姻登记部门直接调取；如系统中查不到，请携带结婚证原件到窗口核验。',
      ['结婚证', '原件', '材料'],
    ],
  ],
  'HJ-QR-FM': [
    [
      '父母可以投靠子女落户吗？',
      '子女在本市落户满一定年限且有合法固定住所的，男满 60 周岁、女满 55 周岁的父母可申请投靠落户。',
      ['父母', '老人', '投靠', '落户'],
    ],
  ],
  'HJ-QR-ZN': [
    [
      '孩子户口怎么随父母迁入？',
      '未成年子女可随父亲或母亲落户，需提供出生医学证明或户口簿、父母身份证。',
      ['孩子', '子女', '小孩', '随迁', '户口'],
    ],
  ],
  'HJ-QR-RC': [
    [
      '应届毕业生怎么办理落户？',
      '毕业两年内的全日制高校毕业生，凭毕业证书和身份证即可申请；学历信息由教育部门核验，无需上传。',
      ['毕业生', '人才', '学历', '落户', '大学'],
    ],
    [
      '毕业生落户一定要找到工作吗？',
      '本市对全日制本科及以上毕业生实行"先落户后就业"，无需提供劳动合同。',
      ['工作', '就业', '劳动合同', '毕业生'],
    ],
  ],
  'HJ-QR-JY': [
    [
      '就业落户需要交几年社保？',
      '在本市连续缴纳城镇职工社会保险满 5 年（以社保部门记录为准），社保记录由系统直接核验。',
      ['社保', '就业', '几年', '落户'],
    ],
  ],
  'SFZ-HL': [
    [
      '身份证过期了怎么换？',
      '可在有效期满前 3 个月内到任一派出所或政务服务中心换领，可先在线预约；换领费用 20 元。',
      ['身份证', '过期', '换证', '到期', '补办'],
    ],
    ['身份证丢了怎么办？', '请尽快挂失并到受理点补领；补领期间可申领临时身份证。', ['身份证', '丢失', '补办', '挂失']],
    ['换身份证要多久能拿到？', '一般 20 个工作日内制证完成，可选择邮寄到家。', ['身份证', '多久', '领取', '邮寄']],
  ],
  'BDC-CX': [
    [
      '怎么查询自己名下的房产？',
      '实名认证后在"证照查询"中可查看本人名下的不动产权证书；他人房产须经权利人授权方可查询。',
      ['查询', '房产', '名下', '不动产'],
    ],
  ],
  'BDC-ZY': [
    [
      '二手房过户需要哪些材料？',
      '买卖双方身份证、不动产权证书、买卖合同、完税证明；有抵押的须先解除抵押。',
      ['过户', '二手房', '买卖', '转移登记', '材料'],
    ],
    [
      '房子有抵押可以过户吗？',
      '抵押期间转让须经抵押权人同意，一般先还清贷款办理抵押注销后再过户。',
      ['抵押', '过户', '贷款'],
    ],
  ],
  'BDC-DY': [
    [
      '办理房屋抵押登记要多久？',
      '材料齐全的，承诺 5 个工作日内办结，部分城市可当日办结。',
      ['抵押', '多久', '贷款', '登记'],
    ],
  ],
  'HY-JH': [
    [
      '结婚登记需要带什么？',
      '双方身份证和户口簿原件、3 张 2 寸双人近期半身免冠合影；跨省通办地区无需户口簿。',
      ['结婚', '领证', '登记', '材料', '户口簿'],
    ],
  ],
  'SB-CB': [
    [
      '灵活就业人员怎么参加社保？',
      '持身份证到社保经办机构或在线办理参保登记，可按月或按年缴费。',
      ['社保', '灵活就业', '参保', '缴费'],
    ],
  ],
};

const names = new Map(SERVICE_ITEMS.map((item) => [item.code, item.name]));

export const FAQ_ENTRIES: readonly (FaqEntry & { itemName: string })[] = Object.entries(RAW).flatMap(
  ([itemCode, rows]) =>
    rows.map(([question, answer, keywords], i) => ({
      faqId: `FAQ-${itemCode}-${i + 1}`,
      itemCode,
      itemName: names.get(itemCode) ?? itemCode,
      question,
      answer,
      keywords,
    })),
);

/** Han characters and ASCII words of a text, lower-cased, for matching. */
function terms(text: string): { bigrams: Set<string>; words: Set<string> } {
  const bigrams = new Set<string>();
  const words = new Set<string>();
  for (const run of text.toLowerCase().match(/[\p{Script=Han}]+|[a-z0-9]+/gu) ?? []) {
    if (/^[a-z0-9]+$/.test(run)) words.add(run);
    else if (run.length === 1) bigrams.add(run);
    else for (let i = 0; i + 1 < run.length; i += 1) bigrams.add(run.slice(i, i + 2));
  }
  return { bigrams, words };
}

/**
 * Chinese keyword search without a word segmenter: the query is cut into overlapping character
 * pairs (二元切分), which match inside questions and keywords; a whole keyword found in the
 * query counts most. Entries with too weak a match are left out.
 */
export function searchFaq(query: string, options: { itemCode?: string; limit?: number } = {}) {
  const q = terms(query);
  const scored = [];
  for (const entry of FAQ_ENTRIES) {
    if (options.itemCode && entry.itemCode !== options.itemCode) continue;
    let score = 0;
    for (const keyword of entry.keywords) if (query.includes(keyword)) score += 4;
    for (const pair of q.bigrams) {
      if (entry.question.includes(pair)) score += 2;
      else if (entry.keywords.some((k) => k.includes(pair))) score += 2;
      else if (entry.answer.includes(pair)) score += 1;
    }
    for (const word of q.words) if (entry.question.toLowerCase().includes(word)) score += 1;
    if (score >= 4) scored.push({ ...entry, score });
  }
  scored.sort((a, b) => b.score - a.score || a.faqId.localeCompare(b.faqId));
  return scored.slice(0, options.limit ?? 5);
}
