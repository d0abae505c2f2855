// Demo service interactions: inquiries, complaints, follow-ups and collection calls in the customer's language.
// Customers with worse payment behaviour get more complaints and collection calls, as in real ledgers.
import { addDays, dayNumber, type IsoDay } from '../../src/domain/day';
import type { Channel, Interaction, InteractionType } from '../../src/domain/records';
import type { BuiltCustomer } from './demo-data';
import { type Rng, sortByDay } from './demo-pools';

const SUMMARIES: Record<InteractionType, { zh: readonly string[]; en: readonly string[] }> = {
  inquiry: {
    zh: ['咨询账单明细', '询问新产品报价', '咨询发票开具时间'],
    en: ['Asked for a statement of account', 'Requested a quote', 'Asked when the invoice will be issued'],
  },
  complaint: {
    zh: ['投诉交付延迟', '投诉发票金额有误', '对售后响应速度不满'],
    en: ['Complained about late delivery', 'Invoice amount reported wrong', 'Unhappy with support response time'],
  },
  suggestion: {
    zh: ['建议增加电子对账单', '建议延长账期'],
    en: ['Suggested e-statements', 'Asked for longer payment terms'],
  },
  feedback: {
    zh: ['对服务整体满意', '反馈系统使用体验'],
    en: ['Satisfied with the service overall', 'Feedback on the portal'],
  },
  'follow-up': { zh: ['季度回访', '项目验收后回访'], en: ['Quarterly check-in', 'Post-acceptance follow-up'] },
  collection: {
    zh: ['电话催收逾期款项', '发送对账函并确认欠款'],
    en: ['Collection call about overdue invoices', 'Sent statement and confirmed the balance'],
  },
};
const RESOLUTIONS = {
  zh: ['已解释并提供明细', '已重开发票', '已安排专人跟进', '客户确认付款计划'],
  en: [
    'Explained and sent details',
    'Invoice reissued',
    'Assigned an owner to follow up',
    'Customer confirmed a payment plan',
  ],
};

export function makeInteractions(
  rng: Rng,
  built: readonly BuiltCustomer[],
  count: number,
  asOf: IsoDay,
): Interaction[] {
  const pool = built.filter((b) => b.customer.status !== 'prospect' || rng.chance(0.5));
  const drafts: Interaction[] = [];
  for (let i = 0; i < count && pool.length > 0; i++) {
    const b = rng.pick(pool);
    const risky = b.profile === 'risky' || b.profile === 'defaulted' || b.profile === 'slow';
    const type = rng.weighted<InteractionType>([
      ['inquiry', 30],
      ['complaint', risky ? 12 : 5],
      ['suggestion', 6],
      ['feedback', 12],
      ['follow-up', 20],
      ['collection', risky ? 25 : 4],
    ]);
    const zh = b.customer.language !== 'en';
    const span = Math.max(0, dayNumber(asOf) - dayNumber(b.since));
    const date = addDays(b.since, rng.int(0, span));
    const age = dayNumber(asOf) - dayNumber(date);
    const resolved = age > 3 && rng.chance(age > 14 ? 0.92 : 0.5);
    const resolvedAt = resolved ? addDays(date, rng.int(0, Math.min(10, age))) : '';
    drafts.push({
      id: '',
      customerId: b.customer.id,
      date,
      channel: rng.weighted<Channel>([
        ['phone', 40],
        ['email', 20],
        ['wechat', zh ? 20 : 2],
        ['visit', 10],
        ['online', 8],
        ['other', 2],
      ]),
      type,
      summary: rng.pick(SUMMARIES[type][zh ? 'zh' : 'en']),
      satisfaction:
        type === 'collection' || rng.chance(0.35) ? null : type === 'complaint' ? rng.int(1, 3) : rng.int(3, 5),
      status: resolved ? 'resolved' : 'open',
      owner: b.customer.manager,
      resolution: resolved ? rng.pick(RESOLUTIONS[zh ? 'zh' : 'en']) : '',
      resolvedAt,
    });
  }
  sortByDay(drafts, (d) => d.date);
  drafts.forEach((d, i) => {
    d.id = `I-${String(i + 1).padStart(6, '0')}`;
  });
  return drafts;
}
