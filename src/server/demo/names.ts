import type { Rng } from './random.ts';

// Invented names for an invented district. People's names are drawn from common surnames and
// given-name characters, so they look ordinary and belong to nobody in particular.

export const DISTRICT_NAME = '澜湾区';
export const CITY_NAME = '临澜市';

export const STREET_NAMES = ['听涛街道', '青荷街道', '沙洲街道'];

/** 50 community names: enough for the full demo without repeats. */
export const COMMUNITY_NAMES = [
  '春潮', '江屿', '明月', '星光', '滨湖', '临波', '海棠', '枫林', '翠苑', '丹桂',
  '望潮', '云栖', '白鹭', '紫荆', '金沙', '银湾', '柳岸', '梧桐', '兰亭', '竹溪',
  '东篱', '西岭', '长汀', '浦岚', '闻莺', '彩虹', '朝晖', '晴川', '听雨', '锦绣',
  '畅园', '安澜', '和鸣', '惠风', '嘉禾', '景湖', '康桥', '乐园', '美丽', '宁泰',
  '清泉', '瑞丰', '盛世', '泰和', '万家', '新湾', '怡景', '悦江', '湛蓝', '智慧',
].map((n) => `${n}社区`);

const COMPOUND_WORDS = [
  '阳光', '金色', '碧水', '绿岛', '江南', '湖畔', '水岸', '春江', '秋月', '翡翠',
  '观澜', '映月', '锦江', '香樟', '玉兰', '紫薇', '御景', '天悦', '钱塘', '东方',
  '华府', '公元', '世纪', '星耀', '蓝湾', '颐景', '雅苑', '枫丹', '白云', '青山',
  '海月', '龙泉', '万和', '保宁', '融景', '滨澜', '祥瑞', '新月', '中和', '招贤',
];
const COMPOUND_SUFFIXES = ['花园', '家园', '小区', '公寓', '苑', '府', '名邸', '新村', '佳苑', '城'];

const ROADS = [
  '澜湾大道', '听涛路', '青荷路', '沙洲路', '望潮路', '云栖路', '白鹭路', '紫荆路', '金沙大道', '银湾路',
  '柳岸路', '梧桐路', '兰亭路', '竹溪路', '晴川路', '朝晖路', '锦绣路', '安澜路', '惠风路', '嘉禾路',
];

const COMPANY_WORDS = ['澜湾', '绿洲', '锦程', '恒安', '佳源', '瑞家', '康居', '安泰', '宜居', '众诚'];

/** Weighted common surnames (very roughly by frequency). */
const SURNAMES: [string, number][] = [
  ['王', 72], ['李', 72], ['张', 70], ['刘', 55], ['陈', 46], ['杨', 33], ['黄', 25], ['赵', 21],
  ['吴', 21], ['周', 20], ['徐', 17], ['孙', 16], ['马', 16], ['朱', 15], ['胡', 14], ['郭', 13],
  ['何', 12], ['高', 12], ['林', 12], ['罗', 11], ['郑', 11], ['梁', 10], ['谢', 8], ['宋', 8],
  ['唐', 8], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 7], ['彭', 6], ['曾', 6],
  ['肖', 6], ['田', 6], ['董', 6], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5],
  ['余', 5], ['杜', 5], ['叶', 5], ['程', 5], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4],
  ['任', 4], ['沈', 4], ['姚', 4], ['卢', 4], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3],
  ['陆', 3], ['汪', 3], ['范', 3], ['金', 3], ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3],
  ['方', 3], ['邹', 2], ['熊', 2], ['孟', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2],
  ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2], ['陶', 2], ['顾', 2], ['毛', 2],
  ['欧阳', 1], ['诸葛', 0.3], ['司马', 0.3],
];

const GIVEN_MALE = '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘';
const GIVEN_FEMALE = '秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟';

export function personName(rng: Rng): string {
  const surname = rng.weighted(SURNAMES);
  const pool = rng.chance(0.5) ? GIVEN_MALE : GIVEN_FEMALE;
  const given = rng.chance(0.72) ? pool[rng.int(0, pool.length - 1)] + pool[rng.int(0, pool.length - 1)] : pool[rng.int(0, pool.length - 1)];
  return surname + given;
}

/** A compound name not yet in `taken`. */
export function compoundName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const name = rng.pick(COMPOUND_WORDS) + rng.pick(COMPOUND_SUFFIXES);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export function roadAddress(rng: Rng): string {
  return `${rng.pick(ROADS)}${rng.int(1, 1999)}号`;
}

export function companyName(index: number): string {
  return `${CITY_NAME.slice(0, 2)}${COMPANY_WORDS[index % COMPANY_WORDS.length]}物业服务有限公司`;
}

export function developerName(compound: string): string {
  return `${CITY_NAME.slice(0, 2)}${compound.slice(0, 2)}置业有限公司`;
}

/** An invented unified social credit code: 18 characters in the official alphabet. */
export function creditCode(rng: Rng): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let tail = '';
  for (let i = 0; i < 8; i++) tail += alphabet[rng.int(0, alphabet.length - 1)];
  return `913399${rng.int(10, 99)}MA${tail}`;
}

// Phones: 11 digits, a real-looking prefix and a unique 8-digit tail. The tail is a balanced
// Feistel permutation of the person's district-wide number, so tails never repeat and do not
// look sequential. Prefix 139 is kept out of the random pool: the demo owners' fixed numbers
// (13900000001, …) live there and can never collide.
const PHONE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '150', '151', '152', '153', '155', '156', '157', '158', '159', '177', '180', '181', '182', '183', '186', '187', '188', '189', '199'];

function feistel(n: number, key: number): number {
  let l = Math.floor(n / 10000);
  let r = n % 10000;
  for (let round = 0; round < 4; round++) {
    const f = (Math.imul(r + round * 7919, 2654435761 ^ key) >>> 0) % 10000;
    [l, r] = [r, (l + f) % 10000];
  }
  return l * 10000 + r;
}

/** The phone of person number n (unique for n < 10^8 under one seed). */
export function phoneFor(n: number, seed: number): string {
  const prefix = PHONE_PREFIXES[(Math.imul(n, 40503) >>> 0) % PHONE_PREFIXES.length];
  return prefix + String(feistel(n, seed)).padStart(8, '0');
}

/** The last four characters of an ID number: three digits and a check character (0–9 or X). */
export function idLast4(rng: Rng): string {
  const check = rng.int(0, 10);
  return String(rng.int(0, 999)).padStart(3, '0') + (check === 10 ? 'X' : String(check));
}
