// Real administrative division codes (GB/T 2260) of the cities in the seed, with the facts the
// certificates need: the province abbreviation of a real-estate title and who issues it
// (cities issue in their own name; Beijing and Chongqing issue per district).

export interface District {
  code: string;
  name: string;
  /** Streets used for addresses (坐落). */
  streets: readonly string[];
}

export interface City {
  key: 'guangzhou' | 'shenzhen' | 'chongqing' | 'chengdu' | 'beijing';
  code: string;
  name: string;
  province: string;
  /** Abbreviation used at the start of a title number, e.g. 粤. */
  provinceAbbreviation: string;
  /** Whether the title number names the city (广州市) or the district (朝阳区). */
  titleIssuer: 'city' | 'district';
  /** Prefix of addresses: 广州市 / 重庆市 / 北京市. */
  addressPrefix: string;
  districts: readonly District[];
  /** Relative share of the seeded households. */
  weight: number;
}

export const CITIES: readonly City[] = [
  {
    key: 'guangzhou',
    code: '440100',
    name: '广州市',
    province: '广东省',
    provinceAbbreviation: '粤',
    titleIssuer: 'city',
    addressPrefix: '广东省广州市',
    weight: 30,
    districts: [
      { code: '440103', name: '荔湾区', streets: ['中山八路', '芳村大道', '龙津西路', '康王中路'] },
      { code: '440104', name: '越秀区', streets: ['东风中路', '北京路', '解放北路', '环市东路'] },
      { code: '440105', name: '海珠区', streets: ['江南大道中', '新港中路', '工业大道北', '昌岗路'] },
      { code: '440106', name: '天河区', streets: ['天河路', '体育西路', '黄埔大道西', '中山大道西'] },
      { code: '440111', name: '白云区', streets: ['白云大道北', '机场路', '同和路', '广园中路'] },
      { code: '440113', name: '番禺区', streets: ['市桥街', '迎宾路', '大北路', '汉溪大道'] },
    ],
  },
  {
    key: 'shenzhen',
    code: '440300',
    name: '深圳市',
    province: '广东省',
    provinceAbbreviation: '粤',
    titleIssuer: 'city',
    addressPrefix: '广东省深圳市',
    weight: 22,
    districts: [
      { code: '440303', name: '罗湖区', streets: ['深南东路', '东门中路', '宝安南路', '人民南路'] },
      { code: '440304', name: '福田区', streets: ['福华路', '益田路', '彩田路', '华强北路'] },
      { code: '440305', name: '南山区', streets: ['南海大道', '科技园路', '桃园路', '后海大道'] },
      { code: '440306', name: '宝安区', streets: ['新安六路', '宝民一路', '创业一路', '西乡大道'] },
      { code: '440307', name: '龙岗区', streets: ['龙城大道', '布吉路', '横岗大道', '龙翔大道'] },
    ],
  },
  {
    key: 'chongqing',
    code: '500000',
    name: '重庆市',
    province: '重庆市',
    provinceAbbreviation: '渝',
    titleIssuer: 'district',
    addressPrefix: '重庆市',
    weight: 20,
    districts: [
      { code: '500103', name: '渝中区', streets: ['解放碑步行街', '中山四路', '大坪正街', '长江一路'] },
      { code: '500105', name: '江北区', streets: ['建新北路', '洋河一路', '北滨一路', '观音桥步行街'] },
      { code: '500106', name: '沙坪坝区', streets: ['三峡广场', '小龙坎正街', '天星桥正街', '汉渝路'] },
      { code: '500107', name: '九龙坡区', streets: ['杨家坪正街', '石桥铺', '谢家湾正街', '科园一路'] },
      { code: '500108', name: '南岸区', streets: ['南坪正街', '江南大道', '南滨路', '学府大道'] },
      { code: '500112', name: '渝北区', streets: ['龙溪街道', '新牌坊一路', '金开大道', '双龙大道'] },
    ],
  },
  {
    key: 'chengdu',
    code: '510100',
    name: '成都市',
    province: '四川省',
    provinceAbbreviation: '川',
    titleIssuer: 'city',
    addressPrefix: '四川省成都市',
    weight: 18,
    districts: [
      { code: '510104', name: '锦江区', streets: ['春熙路', '东大街', '锦华路', '水碾河路'] },
      { code: '510105', name: '青羊区', streets: ['人民中路', '清江中路', '西御街', '光华大道'] },
      { code: '510106', name: '金牛区', streets: ['一环路北', '营门口路', '金府路', '蜀汉路'] },
      { code: '510107', name: '武侯区', streets: ['人民南路四段', '科华北路', '武侯祠大街', '玉林南路'] },
      { code: '510108', name: '成华区', streets: ['建设路', '二环路东二段', '双林路', '府青路'] },
      { code: '510116', name: '双流区', streets: ['东升街道', '棠湖东路', '藏卫路', '航空港大道'] },
    ],
  },
  {
    key: 'beijing',
    code: '110000',
    name: '北京市',
    province: '北京市',
    provinceAbbreviation: '京',
    titleIssuer: 'district',
    addressPrefix: '北京市',
    weight: 10,
    districts: [
      { code: '110101', name: '东城区', streets: ['东直门内大街', '安定门外大街', '崇文门外大街', '和平里东街'] },
      { code: '110102', name: '西城区', streets: ['西直门南大街', '月坛北街', '广安门内大街', '德胜门外大街'] },
      { code: '110105', name: '朝阳区', streets: ['建国路', '朝阳北路', '望京街', '东三环中路'] },
      { code: '110106', name: '丰台区', streets: ['丰台北路', '南三环西路', '方庄路', '马家堡东路'] },
      { code: '110108', name: '海淀区', streets: ['中关村大街', '学院路', '西三环北路', '万泉河路'] },
    ],
  },
];

const districtsByCode = new Map(
  CITIES.flatMap((city) => city.districts.map((d) => [d.code, { city, district: d }] as const)),
);

export function findDistrict(code: string): { city: City; district: District } {
  const found = districtsByCode.get(code);
  if (!found) throw new Error(`unknown district code ${code}`);
  return found;
}

export function cityByKey(key: City['key']): City {
  const city = CITIES.find((c) => c.key === key);
  if (!city) throw new Error(`unknown city ${key}`);
  return city;
}

/** Full address (坐落) of a flat. */
export function addressOf(code: string, street: string, number: number, building: number, room: string): string {
  const { city, district } = findDistrict(code);
  return `${city.addressPrefix}${district.name}${street}${number}号${building}栋${room}房`;
}

/** The issuer segment of a title number: 广州市 or 朝阳区. */
export function titleIssuerName(code: string): string {
  const { city, district } = findDistrict(code);
  return city.titleIssuer === 'city' ? city.name : district.name;
}

/** Public security office that issues ID cards and household registers in a district. */
export function policeOffice(code: string): string {
  const { city, district } = findDistrict(code);
  return `${city.name}公安局${district.name}分局`;
}

export function civilAffairsOffice(code: string): string {
  const { city, district } = findDistrict(code);
  return `${city.name}${district.name}民政局婚姻登记处`;
}

export function realEstateBureau(code: string): string {
  const { city, district } = findDistrict(code);
  return city.titleIssuer === 'city' ? `${city.name}规划和自然资源局` : `${city.name}${district.name}不动产登记中心`;
}
