import type { DecidingBody, ResponsibleParty } from '../../../../contracts/consultation.ts';

// The text of the two public notices (两公开), Chinese first, then English. Pure: the command
// passes what it read.

const BODY_NAMES: Record<DecidingBody, { zh: string; en: string }> = {
  owners_vote: { zh: '业主大会（业主表决）', en: "the owners' assembly (owners' vote)" },
  owners_committee: { zh: '业主委员会', en: "the owners' committee" },
  two_committees: { zh: '社区党组织和居民委员会（两委）', en: 'the two committees (Party organisation and residents\u2019 committee)' },
  residents_assembly: { zh: '居民会议', en: "the residents' assembly" },
};

const PARTY_NAMES: Record<ResponsibleParty, string> = {
  property_company: '物业服务企业',
  owners_committee: '业主委员会',
  residents_committee: '居民委员会',
  party_organisation: '社区党组织',
  other: '其他',
};

export function resolutionNotice(matter: { title: string }, r: { text: string; decidingBody: DecidingBody; basis: string; passed: boolean | null; basisNote: string | null }) {
  const body = BODY_NAMES[r.decidingBody];
  const basisZh = r.basis === 'vote' ? '业主表决结果' : '四方联席会议纪要';
  const basisEn = r.basis === 'vote' ? "the owners' vote result" : 'the minutes of the four-party joint meeting';
  const outcome = r.passed === null ? '' : r.passed ? '（通过 / passed）' : '（未通过 / not passed）';
  return {
    title: `决议公示：${matter.title}`,
    body: [
      `事项：${matter.title}`,
      `决议机构：${body.zh}`,
      `依据：${basisZh}${r.basisNote ? `（${r.basisNote}）` : ''}`,
      `决议内容${outcome}：`,
      r.text,
      '',
      `Resolution on "${matter.title}", decided by ${body.en} on the basis of ${basisEn}.`,
    ].join('\n'),
  };
}

export function resultsNotice(
  matter: { title: string },
  tasks: { title: string; responsibleParty: ResponsibleParty; responsibleName: string; deadline: string; progress: number; completedAt: Date | null }[],
  acceptance: { party: string; note: string; at: Date },
) {
  const lines = tasks.map((t, i) => `${i + 1}. ${t.title}——${PARTY_NAMES[t.responsibleParty]}（${t.responsibleName}），期限 ${t.deadline}，完成 ${t.progress}%${t.completedAt ? `，完成于 ${t.completedAt.toISOString().slice(0, 10)}` : ''}`);
  const accepter = acceptance.party === 'owners_committee' ? '业主委员会' : '居民委员会';
  return {
    title: `实施结果公示：${matter.title}`,
    body: [
      `事项：${matter.title}`,
      '实施情况：',
      ...(lines.length ? lines : ['（无实施任务）']),
      `验收：${accepter}于 ${acceptance.at.toISOString().slice(0, 10)} 验收。${acceptance.note}`,
      '',
      `Results of implementation of "${matter.title}": ${tasks.length} task(s), accepted by the ${acceptance.party.replace('_', ' ')}.`,
    ].join('\n'),
  };
}
