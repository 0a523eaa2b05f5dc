// Hand-picked demo people. They are fixed: the same names, numbers and holdings whatever the
// seed, so demos, documentation and browser tests can rely on them. Their mobiles are easy to
// type (1390000000x); generated people never use the 1390000xxxx range.
import { createHash } from 'node:crypto';
import { makeIdNumber } from '../../../src/rules/id-number';
import type { PopulationBuilder } from './population';
import type { StaffRecord } from './types';

/** A stable, WeChat-shaped openid (28 characters starting with o) for a persona. */
export function personaOpenid(key: string): string {
  return 'o' + createHash('sha256').update(`bianmin-persona:${key}`).digest('base64url').slice(0, 27);
}

export const PERSONA_MOBILE_PREFIX = '1390000';

export function addPersonas(b: PopulationBuilder): void {
  // 1. Owner of a mortgaged flat, with a family.
  const chenHousehold = b.household('H9000001', '440106', '天河路', 88, 3, '1502');
  const chen = b.resident({
    id: 'P9000001',
    name: '陈志强',
    idNumber: makeIdNumber('440106', '1982-05-16', 135),
    household: chenHousehold,
    relation: '户主',
    mobile: '13900000001',
    openid: personaOpenid('mortgaged-owner'),
    maritalStatus: '已婚',
  });
  const he = b.resident({
    id: 'P9000011',
    name: '何丽萍',
    idNumber: makeIdNumber('440106', '1984-09-03', 246),
    household: chenHousehold,
    relation: '配偶',
    mobile: '13900000011',
    openid: personaOpenid('mortgaged-owner-spouse'),
    maritalStatus: '已婚',
  });
  b.resident({
    id: 'P9000012',
    name: '陈浩然',
    idNumber: makeIdNumber('440106', '2012-07-21', 17),
    household: chenHousehold,
    relation: '子',
    mobile: null,
    openid: null,
    maritalStatus: '未婚',
  });
  b.marriage(chen, he, '2010-10-01', '440106', 1001, 'A');
  b.title({
    id: 'T9000001',
    divisionCode: '440106',
    year: 2019,
    serial: 356721,
    unit: { zone: 3, subZone: 5, parcel: 128, building: 3, unit: 1502 },
    obligees: [{ person: chen, share: null }],
    coOwnership: '单独所有',
    location: '广东省广州市天河区天河路88号3栋1502房',
    area: 89.52,
    builtOn: '2016-04-18',
    registeredAt: '2019-08-12',
    status: 'MORTGAGED',
    mortgage: {
      mortgagee: '中国建设银行股份有限公司广州天河支行',
      amountYuan: 1_200_000,
      years: 25,
      proofSerial: 210345,
    },
  });

  // 2. Two co-owners of one flat (按份共有, 50% each), living in different households.
  const linHousehold = b.household('H9000002', '440305', '科技园路', 16, 2, '0803');
  const lin = b.resident({
    id: 'P9000002',
    name: '林晓燕',
    idNumber: makeIdNumber('440305', '1988-11-02', 84),
    household: linHousehold,
    relation: '户主',
    mobile: '13900000002',
    openid: personaOpenid('co-owner-a'),
    maritalStatus: '未婚',
  });
  const huangHousehold = b.household('H9000003', '440304', '福华路', 201, 5, '1201');
  const huang = b.resident({
    id: 'P9000003',
    name: '黄建明',
    idNumber: makeIdNumber('440304', '1986-02-14', 51),
    household: huangHousehold,
    relation: '户主',
    mobile: '13900000003',
    openid: personaOpenid('co-owner-b'),
    maritalStatus: '未婚',
  });
  b.title({
    id: 'T9000002',
    divisionCode: '440305',
    year: 2021,
    serial: 123456,
    unit: { zone: 12, subZone: 3, parcel: 2051, building: 2, unit: 803 },
    obligees: [
      { person: lin, share: '50%' },
      { person: huang, share: '50%' },
    ],
    coOwnership: '按份共有',
    location: '广东省深圳市南山区科技园路16号2栋0803房',
    area: 76.3,
    builtOn: '2018-09-01',
    registeredAt: '2021-03-22',
    status: 'NORMAL',
  });

  // 3. A married couple registered in different cities (成都 and 重庆).
  const wangHousehold = b.household('H9000004', '510107', '科华北路', 65, 1, '0601');
  const wang = b.resident({
    id: 'P9000004',
    name: '王磊',
    idNumber: makeIdNumber('510107', '1990-08-08', 31),
    household: wangHousehold,
    relation: '户主',
    mobile: '13900000004',
    openid: personaOpenid('spouse-a'),
    maritalStatus: '已婚',
  });
  const liuHousehold = b.household('H9000005', '500112', '新牌坊一路', 33, 7, '0402');
  b.resident({
    id: 'P9000013',
    name: '刘建国',
    idNumber: makeIdNumber('500112', '1963-10-01', 19),
    household: liuHousehold,
    relation: '户主',
    mobile: '13900000013',
    openid: null,
    maritalStatus: '已婚',
  });
  b.resident({
    id: 'P9000014',
    name: '周桂兰',
    idNumber: makeIdNumber('500112', '1965-04-12', 48),
    household: liuHousehold,
    relation: '配偶',
    mobile: '13900000014',
    openid: null,
    maritalStatus: '已婚',
  });
  const liu = b.resident({
    id: 'P9000005',
    name: '刘婷',
    idNumber: makeIdNumber('500112', '1992-03-19', 62),
    household: liuHousehold,
    relation: '女',
    mobile: '13900000005',
    openid: personaOpenid('spouse-b'),
    maritalStatus: '已婚',
  });
  b.marriage(wang, liu, '2020-05-20', '510107', 520, 'A');
  b.title({
    id: 'T9000003',
    divisionCode: '510107',
    year: 2020,
    serial: 456789,
    unit: { zone: 7, subZone: 2, parcel: 877, building: 1, unit: 601 },
    obligees: [{ person: wang, share: null }],
    coOwnership: '单独所有',
    location: '四川省成都市武侯区科华北路65号1栋0601房',
    area: 102.18,
    builtOn: '2017-06-30',
    registeredAt: '2020-01-15',
    status: 'NORMAL',
  });

  // 4. An older person (77), living alone, with a compound surname.
  const ouyangHousehold = b.household('H9000006', '440104', '东风中路', 312, 1, '0302');
  const ouyang = b.resident({
    id: 'P9000006',
    name: '欧阳秀英',
    idNumber: makeIdNumber('440104', '1948-09-12', 28),
    household: ouyangHousehold,
    relation: '户主',
    mobile: '13900000006',
    openid: personaOpenid('elder'),
    maritalStatus: '丧偶',
  });
  b.title({
    id: 'T9000004',
    divisionCode: '440104',
    year: 2016,
    serial: 12873,
    unit: { zone: 1, subZone: 8, parcel: 33, building: 1, unit: 302 },
    obligees: [{ person: ouyang, share: null }],
    coOwnership: '单独所有',
    location: '广东省广州市越秀区东风中路312号1栋0302房',
    area: 64.8,
    builtOn: '1998-05-01',
    registeredAt: '2016-11-08',
    status: 'NORMAL',
  });

  // 5. A recent graduate (华南理工大学, June 2026), registered with her parents in 重庆.
  const zhangHousehold = b.household('H9000007', '500106', '汉渝路', 9, 4, '0701');
  b.resident({
    id: 'P9000015',
    name: '张卫东',
    idNumber: makeIdNumber('500106', '1975-06-30', 13),
    household: zhangHousehold,
    relation: '户主',
    mobile: '13900000015',
    openid: null,
    maritalStatus: '已婚',
  });
  b.resident({
    id: 'P9000016',
    name: '李红梅',
    idNumber: makeIdNumber('500106', '1977-01-25', 44),
    household: zhangHousehold,
    relation: '配偶',
    mobile: '13900000016',
    openid: null,
    maritalStatus: '已婚',
  });
  const zhang = b.resident({
    id: 'P9000007',
    name: '张子涵',
    idNumber: makeIdNumber('500106', '2003-04-18', 26),
    household: zhangHousehold,
    relation: '女',
    mobile: '13900000007',
    openid: personaOpenid('graduate'),
    maritalStatus: '未婚',
  });
  b.graduation(zhang, '10561', '本科', '2026-06-30', 718, 'A');

  // 6. Someone who holds no property.
  const liHousehold = b.household('H9000008', '110105', '望京街', 10, 2, '1105');
  const li = b.resident({
    id: 'P9000008',
    name: '李明',
    idNumber: makeIdNumber('110105', '1995-12-05', 73),
    household: liHousehold,
    relation: '户主',
    mobile: '13900000008',
    openid: personaOpenid('no-property'),
    maritalStatus: '未婚',
  });
  b.graduation(li, '10004', '本科', '2018-07-01', 2031, 'B');

  // 7. A person whose record is cancelled (settled abroad).
  const zhaoHousehold = b.household('H9000009', '440103', '康王中路', 50, 6, '0205');
  b.resident({
    id: 'P9000009',
    name: '赵国华',
    idNumber: makeIdNumber('440103', '1960-01-15', 91),
    household: zhaoHousehold,
    relation: '户主',
    mobile: '13900000009',
    openid: personaOpenid('cancelled'),
    maritalStatus: '已婚',
    cancelled: { reason: '出国（境）定居', at: '2023-08-01' },
  });

  b.personaResident(
    'mortgaged-owner',
    'P9000001',
    '房产已抵押的业主',
    '广州天河区一套住房单独所有，已抵押给建设银行；已婚，与妻儿同户。',
  );
  b.personaResident(
    'co-owner-a',
    'P9000002',
    '共有房产的共有人（甲）',
    '与黄建明按份共有深圳南山区一套住房（各 50%）。',
  );
  b.personaResident(
    'co-owner-b',
    'P9000003',
    '共有房产的共有人（乙）',
    '与林晓燕按份共有深圳南山区一套住房（各 50%）。',
  );
  b.personaResident(
    'spouse-a',
    'P9000004',
    '异地夫妻（丈夫，户籍成都）',
    '户籍在成都武侯区，妻子刘婷户籍在重庆渝北区；名下成都一套住房。',
  );
  b.personaResident(
    'spouse-b',
    'P9000005',
    '异地夫妻（妻子，户籍重庆）',
    '户籍在重庆渝北区父母户内，丈夫王磊户籍在成都；可办理夫妻投靠。',
  );
  b.personaResident(
    'elder',
    'P9000006',
    '七十岁以上的老人',
    '1948 年生，独居，广州越秀区一套住房；适合演示长辈版和帮办。',
  );
  b.personaResident(
    'graduate',
    'P9000007',
    '应届毕业生',
    '2026 年华南理工大学本科毕业，户籍在重庆父母户内；可办理人才（毕业生）落户。',
  );
  b.personaResident('no-property', 'P9000008', '名下无房产', '北京朝阳区户籍，名下无不动产。');
  b.personaResident(
    'cancelled',
    'P9000009',
    '户籍已注销',
    '2023 年因出国（境）定居注销户籍；核验身份时返回 CANCELLED。',
  );

  const staff: Array<Omit<StaffRecord, 'onDuty'> & { key: string; label: string; notes: string }> = [
    {
      key: 'staff-1',
      label: '窗口工作人员（市政务服务中心）',
      notes: '在线咨询回复、窗口受理。',
      _id: 'S9000001',
      employeeNumber: 'GZ0001',
      name: '周敏',
      mobile: '13900000101',
      role: 'staff',
      city: '广州市',
      divisionCode: '440106',
      hallId: 'HALL-GZ-01',
      windowNo: '03',
      community: null,
    },
    {
      key: 'staff-2',
      label: '窗口工作人员（天河区政务服务中心）',
      notes: '在线咨询回复、窗口受理。',
      _id: 'S9000002',
      employeeNumber: 'GZ0002',
      name: '吴强',
      mobile: '13900000102',
      role: 'staff',
      city: '广州市',
      divisionCode: '440106',
      hallId: 'HALL-GZ-02',
      windowNo: '01',
      community: null,
    },
    {
      key: 'supervisor',
      label: '督办人员',
      notes: '查看超期件、好差评与整改。',
      _id: 'S9000003',
      employeeNumber: 'GZ0003',
      name: '郑丽华',
      mobile: '13900000103',
      role: 'supervisor',
      city: '广州市',
      divisionCode: '440106',
      hallId: 'HALL-GZ-01',
      windowNo: null,
      community: null,
    },
    {
      key: 'guide-1',
      label: '社区帮办员（天河南社区）',
      notes: '帮办代办，协助老人办理。',
      _id: 'S9000011',
      employeeNumber: 'GZG001',
      name: '孙海燕',
      mobile: '13900000201',
      role: 'guide',
      city: '广州市',
      divisionCode: '440106',
      hallId: null,
      windowNo: null,
      community: '天河区天河南街道天河南社区',
    },
    {
      key: 'guide-2',
      label: '社区帮办员（都府社区）',
      notes: '帮办代办，服务越秀区北京街道的老人。',
      _id: 'S9000012',
      employeeNumber: 'GZG002',
      name: '何伟',
      mobile: '13900000202',
      role: 'guide',
      city: '广州市',
      divisionCode: '440104',
      hallId: null,
      windowNo: null,
      community: '越秀区北京街道都府社区',
    },
  ];
  for (const { key, label, notes, ...record } of staff)
    b.staffMember({ ...record, onDuty: true }, { key, label, notes });
}
