// The service items (事项) the seeded halls handle, by stable code. The household-move and
// appointment modules of later issues refer to the same codes.
export interface ServiceItemRef {
  code: string;
  name: string;
  department: string;
}

export const SERVICE_ITEMS: readonly ServiceItemRef[] = [
  { code: 'HJ-QR-GF', name: '购房落户', department: '公安' },
  { code: 'HJ-QR-FQ', name: '夫妻投靠落户', department: '公安' },
  { code: 'HJ-QR-FM', name: '父母投靠子女落户', department: '公安' },
  { code: 'HJ-QR-ZN', name: '子女投靠父母落户', department: '公安' },
  { code: 'HJ-QR-RC', name: '人才（毕业生）落户', department: '公安' },
  { code: 'HJ-QR-JY', name: '就业落户', department: '公安' },
  { code: 'SFZ-HL', name: '居民身份证换领', department: '公安' },
  { code: 'BDC-CX', name: '不动产登记资料查询', department: '不动产登记' },
  { code: 'BDC-ZY', name: '不动产转移登记', department: '不动产登记' },
  { code: 'BDC-DY', name: '不动产抵押登记', department: '不动产登记' },
  { code: 'HY-JH', name: '结婚登记', department: '民政' },
  { code: 'SB-CB', name: '社会保险参保登记', department: '人社' },
];

/** Groups of items one window handles. */
export const WINDOW_TYPES: readonly { name: string; serviceItems: string[] }[] = [
  { name: '户籍业务窗口', serviceItems: ['HJ-QR-GF', 'HJ-QR-FQ', 'HJ-QR-FM', 'HJ-QR-ZN', 'HJ-QR-RC', 'HJ-QR-JY'] },
  { name: '身份证业务窗口', serviceItems: ['SFZ-HL'] },
  { name: '不动产登记窗口', serviceItems: ['BDC-CX', 'BDC-ZY', 'BDC-DY'] },
  { name: '婚姻登记窗口', serviceItems: ['HY-JH'] },
  { name: '社保业务窗口', serviceItems: ['SB-CB'] },
  { name: '综合受理窗口', serviceItems: ['HJ-QR-GF', 'HJ-QR-FQ', 'HJ-QR-RC', 'SFZ-HL', 'BDC-CX', 'SB-CB'] },
];
