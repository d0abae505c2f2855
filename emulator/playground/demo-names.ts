// Bilingual pools the demo customers are drawn from: cities with their region, administrative division and area
// code (so tax ids and landlines agree with the address), Chinese and English names with pinyin for e-mail
// addresses, brand stems, and per-industry company suffixes and projects.

export interface City {
  zh: string;
  en: string;
  regionZh: string;
  regionEn: string;
  division: string;
  areaCode: string;
  districtZh: readonly string[];
}

export const CITIES: readonly City[] = [
  {
    zh: '北京',
    en: 'Beijing',
    regionZh: '华北',
    regionEn: 'North China',
    division: '110000',
    areaCode: '010',
    districtZh: ['海淀区', '朝阳区', '东城区'],
  },
  {
    zh: '天津',
    en: 'Tianjin',
    regionZh: '华北',
    regionEn: 'North China',
    division: '120000',
    areaCode: '022',
    districtZh: ['和平区', '滨海新区'],
  },
  {
    zh: '上海',
    en: 'Shanghai',
    regionZh: '华东',
    regionEn: 'East China',
    division: '310000',
    areaCode: '021',
    districtZh: ['浦东新区', '徐汇区', '静安区'],
  },
  {
    zh: '杭州',
    en: 'Hangzhou',
    regionZh: '华东',
    regionEn: 'East China',
    division: '330100',
    areaCode: '0571',
    districtZh: ['西湖区', '滨江区'],
  },
  {
    zh: '苏州',
    en: 'Suzhou',
    regionZh: '华东',
    regionEn: 'East China',
    division: '320500',
    areaCode: '0512',
    districtZh: ['工业园区', '姑苏区'],
  },
  {
    zh: '深圳',
    en: 'Shenzhen',
    regionZh: '华南',
    regionEn: 'South China',
    division: '440300',
    areaCode: '0755',
    districtZh: ['南山区', '福田区', '宝安区'],
  },
  {
    zh: '广州',
    en: 'Guangzhou',
    regionZh: '华南',
    regionEn: 'South China',
    division: '440100',
    areaCode: '020',
    districtZh: ['天河区', '越秀区'],
  },
  {
    zh: '武汉',
    en: 'Wuhan',
    regionZh: '华中',
    regionEn: 'Central China',
    division: '420100',
    areaCode: '027',
    districtZh: ['洪山区', '江汉区'],
  },
  {
    zh: '成都',
    en: 'Chengdu',
    regionZh: '西南',
    regionEn: 'Southwest China',
    division: '510100',
    areaCode: '028',
    districtZh: ['高新区', '锦江区'],
  },
  {
    zh: '重庆',
    en: 'Chongqing',
    regionZh: '西南',
    regionEn: 'Southwest China',
    division: '500000',
    areaCode: '023',
    districtZh: ['渝中区', '江北区'],
  },
  {
    zh: '西安',
    en: "Xi'an",
    regionZh: '西北',
    regionEn: 'Northwest China',
    division: '610100',
    areaCode: '029',
    districtZh: ['雁塔区', '碑林区'],
  },
  {
    zh: '沈阳',
    en: 'Shenyang',
    regionZh: '东北',
    regionEn: 'Northeast China',
    division: '210100',
    areaCode: '024',
    districtZh: ['和平区', '浑南区'],
  },
];

export const STREETS_ZH = ['科技路', '人民路', '中山路', '建设大道', '创业街', '长江路', '解放路', '金融街'];

/** Surname, given name, and their pinyin (for e-mail addresses). */
export const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['赵', 'zhao'],
  ['黄', 'huang'],
  ['周', 'zhou'],
  ['吴', 'wu'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['胡', 'hu'],
  ['朱', 'zhu'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['何', 'he'],
  ['郭', 'guo'],
  ['马', 'ma'],
  ['罗', 'luo'],
];
export const GIVEN_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['建华', 'jianhua'],
  ['志强', 'zhiqiang'],
  ['晓燕', 'xiaoyan'],
  ['海涛', 'haitao'],
];
export const EN_FIRST = [
  'Emily',
  'James',
  'Olivia',
  'Daniel',
  'Sophia',
  'Michael',
  'Grace',
  'David',
  'Chloe',
  'Ryan',
  'Hannah',
  'Kevin',
];
export const EN_LAST = [
  'Chen',
  'Wong',
  'Smith',
  'Lee',
  'Tan',
  'Brown',
  'Ng',
  'Miller',
  'Lau',
  'Taylor',
  'Lim',
  'Walker',
];

/** Brand stems: Chinese, pinyin (for domains), English. */
export const BRANDS: ReadonlyArray<readonly [string, string, string]> = [
  ['恒信', 'hengxin', 'Hengxin'],
  ['华曜', 'huayao', 'Huayao'],
  ['中联', 'zhonglian', 'Zhonglian'],
  ['博远', 'boyuan', 'Boyuan'],
  ['鼎盛', 'dingsheng', 'Dingsheng'],
  ['瑞丰', 'ruifeng', 'Ruifeng'],
  ['天择', 'tianze', 'Tianze'],
  ['金桥', 'jinqiao', 'Golden Bridge'],
  ['新纪元', 'xinjiyuan', 'New Era'],
  ['长风', 'changfeng', 'Longwind'],
  ['启明', 'qiming', 'Qiming'],
  ['众诚', 'zhongcheng', 'Zhongcheng'],
  ['蓝海', 'lanhai', 'Blue Ocean'],
  ['云帆', 'yunfan', 'Cloudsail'],
  ['智汇', 'zhihui', 'Smartlink'],
  ['嘉禾', 'jiahe', 'Jiahe'],
  ['东方', 'dongfang', 'Orient'],
  ['宏图', 'hongtu', 'Hongtu'],
  ['润泽', 'runze', 'Runze'],
  ['星辰', 'xingchen', 'Starlight'],
  ['海纳', 'haina', 'Haina'],
  ['立达', 'lida', 'Lida'],
  ['明德', 'mingde', 'Mingde'],
  ['汇通', 'huitong', 'Huitong'],
];

/** Per industry: Chinese and English company-name suffixes and typical projects. */
export interface IndustryFlavor {
  zhSuffix: readonly string[];
  enSuffix: readonly string[];
  projectsZh: readonly string[];
  projectsEn: readonly string[];
}

export const FLAVORS: readonly IndustryFlavor[] = [
  {
    zhSuffix: ['机械制造有限公司', '精密工业有限公司'],
    enSuffix: ['Machinery Co., Ltd.', 'Precision Industries Ltd.'],
    projectsZh: ['设备采购', '产线改造', '备件供应'],
    projectsEn: ['Equipment purchase', 'Line retrofit', 'Spare parts'],
  },
  {
    zhSuffix: ['商贸有限公司', '贸易有限公司'],
    enSuffix: ['Trading Co., Ltd.', 'Commerce Ltd.'],
    projectsZh: ['年度供货', '渠道合作', '季度订单'],
    projectsEn: ['Annual supply', 'Channel partnership', 'Quarterly order'],
  },
  {
    zhSuffix: ['科技有限公司', '信息技术有限公司'],
    enSuffix: ['Technology Co., Ltd.', 'Software Ltd.'],
    projectsZh: ['系统集成', '软件许可', '云迁移'],
    projectsEn: ['System integration', 'Software licence', 'Cloud migration'],
  },
  {
    zhSuffix: ['建设工程有限公司', '建筑装饰有限公司'],
    enSuffix: ['Construction Co., Ltd.', 'Engineering Ltd.'],
    projectsZh: ['工程进度款', '装修工程', '监理服务'],
    projectsEn: ['Progress payment', 'Fit-out works', 'Supervision services'],
  },
  {
    zhSuffix: ['物流有限公司', '供应链管理有限公司'],
    enSuffix: ['Logistics Co., Ltd.', 'Supply Chain Ltd.'],
    projectsZh: ['运输服务', '仓储服务', '报关代理'],
    projectsEn: ['Freight services', 'Warehousing', 'Customs brokerage'],
  },
  {
    zhSuffix: ['医疗器械有限公司', '健康管理有限公司'],
    enSuffix: ['Medical Devices Co., Ltd.', 'Healthcare Ltd.'],
    projectsZh: ['器械采购', '维保服务', '耗材供应'],
    projectsEn: ['Device purchase', 'Maintenance contract', 'Consumables'],
  },
  {
    zhSuffix: ['教育科技有限公司', '培训中心'],
    enSuffix: ['Education Co., Ltd.', 'Training Centre'],
    projectsZh: ['课程采购', '企业培训', '平台服务费'],
    projectsEn: ['Course purchase', 'Corporate training', 'Platform fee'],
  },
  {
    zhSuffix: ['餐饮管理有限公司', '酒店管理有限公司'],
    enSuffix: ['Catering Co., Ltd.', 'Hospitality Ltd.'],
    projectsZh: ['食材供应', '会议服务', '月结账款'],
    projectsEn: ['Food supply', 'Event services', 'Monthly account'],
  },
  {
    zhSuffix: ['融资租赁有限公司', '投资管理有限公司'],
    enSuffix: ['Leasing Co., Ltd.', 'Capital Management Ltd.'],
    projectsZh: ['咨询服务费', '融资顾问费', '系统服务费'],
    projectsEn: ['Advisory fee', 'Financing advisory', 'Platform service fee'],
  },
];

// Which flavor fits an industry name from the settings list (either language); unknown names cycle through all.
const FLAVOR_HINTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/制造|manufactur/i, 0],
  [/批发|零售|贸易|retail|trade|wholesale/i, 1],
  [/信息|科技|软件|tech|software|it/i, 2],
  [/建筑|工程|construct/i, 3],
  [/物流|运输|logistic|transport/i, 4],
  [/医疗|健康|health|medic/i, 5],
  [/教育|培训|educat/i, 6],
  [/餐饮|酒店|服务|catering|hotel|service/i, 7],
  [/金融|finan|bank/i, 8],
];

export function flavorFor(industry: string, index: number): IndustryFlavor {
  const hit = FLAVOR_HINTS.find(([re]) => re.test(industry));
  return FLAVORS[hit ? hit[1] : index % FLAVORS.length];
}

export const OCCUPATIONS: ReadonlyArray<readonly [string, string]> = [
  ['个体经营', 'Self-employed'],
  ['工程师', 'Engineer'],
  ['设计师', 'Designer'],
  ['医生', 'Doctor'],
  ['教师', 'Teacher'],
  ['律师', 'Lawyer'],
  ['自由职业', 'Freelancer'],
  ['店主', 'Shop owner'],
];
