// Chinese names for the seeded population: surnames weighted roughly by how common they are,
// a few compound surnames (so masking of 欧阳** etc. is exercised), given-name characters by sex.
import type { Random } from './random';
import type { Sex } from '../../../src/rules/id-number';

const COMMON_SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['王', 74],
  ['李', 72],
  ['张', 70],
  ['刘', 55],
  ['陈', 46],
  ['杨', 32],
  ['黄', 25],
  ['赵', 22],
  ['吴', 21],
  ['周', 21],
  ['徐', 14],
  ['孙', 13],
  ['马', 12],
  ['朱', 11],
  ['胡', 11],
  ['郭', 11],
  ['何', 10],
  ['林', 10],
  ['高', 10],
  ['罗', 9],
  ['郑', 9],
  ['梁', 8],
  ['谢', 7],
  ['宋', 7],
  ['唐', 6],
  ['许', 6],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 6],
  ['彭', 5],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['袁', 5],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 3],
  ['魏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['钟', 3],
  ['姜', 3],
  ['崔', 2],
  ['谭', 2],
  ['陆', 2],
  ['范', 2],
  ['汪', 2],
  ['廖', 2],
  ['石', 2],
  ['金', 2],
  ['韦', 2],
  ['贾', 2],
  ['邱', 2],
  ['方', 2],
  ['侯', 2],
  ['邹', 2],
  ['熊', 2],
  ['孟', 2],
  ['秦', 2],
  ['白', 2],
  ['江', 2],
  ['阎', 2],
  ['薛', 2],
  ['尹', 2],
  ['段', 2],
  ['雷', 2],
  ['黎', 2],
  ['史', 2],
];

/** Compound surnames used in the seed; all appear in the masking rules' list. */
const COMPOUND_SURNAMES_IN_SEED = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '令狐', '慕容'] as const;

const MALE_CHARACTERS =
  '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志文博子轩浩然宇航晨睿泽一诚嘉毅'.split('');
const FEMALE_CHARACTERS = '芳娜敏静丽艳娟霞秀英慧燕玲桂兰萍红梅琳雪倩婷颖洁琪欣怡佳悦涵晨雨萱诗晴梓妍心彤月瑶'.split(
  '',
);

export function pickSurname(random: Random): string {
  return random.chance(0.015) ? random.pick(COMPOUND_SURNAMES_IN_SEED) : random.weighted(COMMON_SURNAMES);
}

export function pickGivenName(random: Random, sex: Sex): string {
  const characters = sex === 'M' ? MALE_CHARACTERS : FEMALE_CHARACTERS;
  const length = random.chance(0.25) ? 1 : 2;
  let given = '';
  for (let i = 0; i < length; i += 1) given += random.pick(characters);
  return given;
}
