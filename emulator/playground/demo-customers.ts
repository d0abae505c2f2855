// Demo customers: companies (Chinese or English names, valid unified social credit codes, landlines) and
// individuals (birth date, occupation, mobile), each with a hidden payment-behaviour profile that drives the
// invoices and interactions generated for it. Names and e-mails are unique within one workbook.
import { addDays, dayNumber, type IsoDay } from '../../src/domain/day';
import type { Cents } from '../../src/domain/money';
import type { BuiltCustomer, DemoCustomer } from './demo-data';
import {
  BRANDS,
  CITIES,
  EN_FIRST,
  EN_LAST,
  flavorFor,
  GIVEN_NAMES,
  OCCUPATIONS,
  STREETS_ZH,
  SURNAMES,
} from './demo-names';
import { makeInternational, makeLandline, makeMobile, makeUscc, type Rng } from './demo-pools';

export type Profile = 'prompt' | 'good' | 'slow' | 'risky' | 'defaulted';

const PROFILES: ReadonlyArray<readonly [Profile, number]> = [
  ['prompt', 35],
  ['good', 30],
  ['slow', 20],
  ['risky', 10],
  ['defaulted', 5],
];
const EN_STREETS = [
  'Century Avenue',
  'Keyuan Road',
  'Nanjing Road West',
  'Jianguo Road',
  'Tianhe Road',
  'Binjiang Avenue',
];

export function buildCustomers(
  rng: Rng,
  count: number,
  asOf: IsoDay,
  industries: readonly string[],
  managers: readonly string[],
): BuiltCustomer[] {
  const usedNames = new Map<string, number>();
  const usedEmails = new Map<string, number>();
  const out: BuiltCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const id = `C-${String(i + 1).padStart(6, '0')}`;
    const company = rng.chance(0.65);
    const lang = rng.chance(0.8) ? 'zh-CN' : 'en';
    const zh = lang === 'zh-CN';
    const city = rng.pick(CITIES);
    const industryIndex = rng.int(0, Math.max(0, industries.length - 1));
    const flavor = flavorFor(industries[industryIndex] ?? '', industryIndex);
    const profile = rng.weighted(PROFILES);
    const status = rng.weighted([
      ['active', 84],
      ['inactive', 8],
      ['prospect', 8],
    ] as const);
    const sinceDays = rng.int(60, 1100);
    const since = addDays(asOf, -Math.min(sinceDays, 730));
    const until = status === 'inactive' ? addDays(asOf, -rng.int(200, 300)) : addDays(asOf, -1);
    const manager = managers.length ? managers[i % managers.length] : '';
    const person = personName(rng, zh);
    let name: string;
    let email: string;
    let typicalAmount: Cents;
    if (company) {
      const brand = rng.pick(BRANDS);
      name = zh
        ? `${city.zh}${brand[0]}${rng.pick(flavor.zhSuffix)}`
        : `${city.en} ${brand[2]} ${rng.pick(flavor.enSuffix)}`;
      email = `${rng.pick(['finance', 'ap', 'accounts', person.local])}@${brand[1]}-${city.en.toLowerCase().replace(/\W/g, '')}.com${zh ? '.cn' : ''}`;
      typicalAmount = Math.round(Math.exp(Math.log(800000) + rng.next() * Math.log(50))); // ¥8,000 – ¥400,000
    } else {
      name = person.name;
      email = `${person.local}@${zh ? rng.pick(['163.com', 'qq.com', 'sina.com']) : rng.pick(['gmail.com', 'outlook.com'])}`;
      typicalAmount = rng.int(800, 30000) * 100;
    }
    name = unique(usedNames, name, (n) => (zh ? `${name}（${n}）` : `${name} (${n})`));
    email = unique(usedEmails, email, (n) => email.replace('@', `${n}@`));
    if (rng.chance(0.03)) email = ''; // no address on file: reminders are skipped and logged
    const stamp = `${since} 09:${String(rng.int(0, 59)).padStart(2, '0')}:00`;
    const customer: DemoCustomer = {
      id,
      name,
      type: company ? 'company' : 'individual',
      contact: company ? personName(rng, zh).name : name,
      phone: phoneFor(rng, company, zh, city.areaCode),
      email,
      address: zh
        ? `${city.zh}市${rng.pick(city.districtZh)}${rng.pick(STREETS_ZH)}${rng.int(1, 999)}号`
        : `${rng.int(1, 999)} ${rng.pick(EN_STREETS)}, ${city.en}`,
      industry: company && industries.length ? industries[industryIndex] : '',
      region: zh ? city.regionZh : city.regionEn,
      birthDate: company ? '' : addDays(asOf, -rng.int(22 * 365, 65 * 365)),
      occupation: company ? '' : rng.pick(OCCUPATIONS)[zh ? 0 : 1],
      taxId: company ? makeUscc(rng, city.division) : '',
      manager,
      creditLimit: creditLimitFor(rng, company, typicalAmount),
      termsDays: company
        ? rng.weighted([
            [30, 55],
            [15, 10],
            [45, 10],
            [60, 15],
            [90, 5],
            [0, 5],
          ] as const)
        : 30,
      language: lang,
      remindersPaused: rng.chance(0.03),
      status,
      segmentOverride: rng.chance(0.02) ? 'vip' : '',
      notes: rng.chance(0.1) ? noteFor(rng, zh) : '',
      createdAt: stamp,
      updatedAt: stamp,
      updatedBy: manager,
    };
    out.push({
      customer,
      profile,
      since,
      until: dayNumber(until) < dayNumber(since) ? since : until,
      weight: 0.3 + rng.next() * (company ? 2.5 : 0.8),
      typicalAmount,
      flavor,
    });
  }
  return out;
}

function personName(rng: Rng, zh: boolean): { name: string; local: string } {
  if (zh) {
    const [s, sp] = rng.pick(SURNAMES);
    const [g, gp] = rng.pick(GIVEN_NAMES);
    return { name: s + g, local: `${gp}.${sp}` };
  }
  const first = rng.pick(EN_FIRST);
  const last = rng.pick(EN_LAST);
  return { name: `${first} ${last}`, local: `${first}.${last}`.toLowerCase() };
}

function phoneFor(rng: Rng, company: boolean, zh: boolean, areaCode: string): string {
  if (!zh && rng.chance(0.3)) return makeInternational(rng);
  if (company && rng.chance(0.6)) return makeLandline(rng, areaCode);
  return makeMobile(rng);
}

function creditLimitFor(rng: Rng, company: boolean, typical: Cents): Cents | null {
  if (!company) return rng.chance(0.5) ? rng.int(2, 5) * 1000000 : null;
  if (rng.chance(0.15)) return null;
  return Math.max(1, Math.round((typical * rng.int(2, 6)) / 1000000)) * 1000000; // whole ¥10,000s
}

function noteFor(rng: Rng, zh: boolean): string {
  return zh
    ? rng.pick(['年度框架协议客户', '需提前开具发票', '财务联系人 <张会计>，月底对账', '集团客户，统一结算'])
    : rng.pick([
        'Annual framework agreement',
        'Invoice in advance',
        'Month-end statement to <AP team>',
        'Group account, central billing',
      ]);
}

/** Makes `value` unique: the first use keeps it, later ones get `variant(2)`, `variant(3)`, … (O(1) per call). */
function unique(used: Map<string, number>, value: string, variant: (n: number) => string): string {
  let n = used.get(value);
  if (n === undefined) {
    used.set(value, 2);
    return value;
  }
  let v = variant(n);
  while (used.has(v)) v = variant(++n);
  used.set(value, n + 1);
  used.set(v, 2);
  return v;
}
