// 会议（四方联席会议、两委会议、业委会会议）的界面文字（简体中文，第一语言）。en.ts 必须有相同的键。
const meetingsZh = {
  kind: { joint: '四方联席会议', two_committees: '两委会议', owners_committee: '业委会会议' },
  status: { planned: '计划', scheduled: '已安排', held: '已召开', locked: '纪要已锁定' },
  party: { party_org: '社区党组织', residents_committee: '居委会', owners_committee: '业委会', property_company: '物业公司', owners_representative: '业主代表' },
  role: { secretary: '书记', deputy_secretary: '副书记', chair: '主任', vice_chair: '副主任', member: '委员', staff: '工作人员', leader: '组长' },
  position: {
    support: '同意', object: '反对', abstain: '弃权', absent: '缺席', label: '立场', reasonLabel: '理由', at: '时间', none: '尚无立场',
    yours: '代表{{party}}表明立场', reason: '理由（必填）', record: '提交立场', change: '更改立场',
    notHeld: '会议尚未召开：记录出席后，各方代表才能表明立场。', whoLabel: '谁来表明立场', who: '由各方关联了账号且出席的代表本人登录后表明，任何人不能代为记录。',
  },
  conclusion: {
    consensus: '一致同意', majority: '多数意见', no_consensus: '未达成一致', tally: '同意 {{support}}，反对 {{object}}，弃权 {{abstain}}，缺席 {{absent}}（共 {{voters}} 方）',
    dissent: '不同意见', escalate: '议题将提交街道处理。', note: '结论备注（可选）', conclude: '形成结论', again: '重新计算结论',
    rule: '结论由服务器根据各方立场计算：全部相同为一致；超过全部表决方半数为多数（记录不同意见）；否则为未达成一致。',
  },
  quorum: {
    met: '已达到法定出席', notMet: '未达到法定出席', parties: '出席 {{present}} 方（共 {{of}} 方，需 {{needed}} 方）；缺席：{{missing}}',
    members: '出席 {{present}} 人（委员 {{of}} 人，需 {{needed}} 人）', short: '出席 {{present}}/{{of}}',
  },
  warning: { parity_invited: '各方邀请的有表决权代表人数不相等（应 1:1）', parity_present: '各方出席的有表决权代表人数不相等（应 1:1）', counts: '人数：{{counts}}' },
  weekday: { '1': '周一', '2': '周二', '3': '周三', '4': '周四', '5': '周五', '6': '周六', '7': '周日' },
  heldAt: '召开时间',
  tabs: { agenda: '议程（{{count}}）', people: '代表与出席（{{count}}）', items: '立场与结论', minutes: '纪要与签署' },
  form: { kind: '会议类型', compound: '小区', title: '会议名称', scheduledAt: '会议时间', location: '地点' },
  calendar: {
    title: '会议日历', window: '{{from}} 至 {{to}}', empty: '这段时间没有会议', open: '进入会议', schedule: '安排本次会议', items: '{{count}} 项议程',
  },
  series: {
    title: '例会', create: '设立例会', empty: '尚未设立例会', rule: '规律', every: '每{{weekday}} {{time}}', next: '下次', weekday: '星期', time: '时间',
    startsOn: '开始日期', titleHint: '不填则用会议类型的名称',
  },
  adHoc: { create: '召集临时会议' },
  agenda: {
    empty: '议程为空', addMatter: '添加待商议的议题', noWaiting: '没有待商议的议题', topic: '其他议题', addTopic: '添加', save: '保存议程',
    matter: '议题', toMatter: '查看议题', up: '上移', down: '下移', remove: '移除',
  },
  reps: {
    empty: '尚未邀请代表', party: '方', name: '姓名', role: '职务', account: '账号', linked: '已关联账号', notLinked: '未关联账号',
    you: '本人', nonVoting: '列席', remove: '撤回邀请', removeConfirm: '撤回对该代表的邀请？',
  },
  attendance: { present: '出席', yes: '出席', no: '缺席', record: '记录出席（会议开始）', update: '更新出席', saved: '出席已记录', heldAt: '会议于 {{at}} 召开' },
  invite: {
    title: '邀请代表', party: '代表哪一方', company: '物业公司', compound: '在哪个小区的业主中查找', person: '人员',
    bodyHint: '只列出登记在册的该组织现任成员。', ownersHint: '输入姓名搜索该小区业主（登记中没有物业公司员工名单）。',
    user: '关联工作人员账号', userHint: '关联后由本人登录表明立场、签署纪要。选中账号会自动填入其所属方和人员。', me: '我本人（{{name}}）', role: '职务', rolePlaceholder: '如：书记、主任、项目经理',
    userPlaceholder: '输入姓名或用户名，查找本社区的工作人员账号', noAccount: '没有匹配的账号', alreadyLinked: '（已关联本会议的代表）',
    roles: { community_staff: '社区工作人员', grid_worker: '网格员', owners_committee: '业委会', property_staff: '物业' },
    submit: '邀请',
  },
  minutes: {
    placeholder: '会议纪要正文…', itemNotes: '本项记录', save: '保存纪要', saved: '纪要已保存', staleWarning: '已有人签署：修改后其签名失效，需重新签署。',
    signOff: '各方签署', signed: '已签', unsigned: '未签', noSigners: '记录出席后显示需要签署的各方', stale: '纪要已修改，签名失效',
    sign: '签署纪要', signConfirm: '以本方名义签署当前纪要？签署后记录摘要。', locked: '纪要已于 {{at}} 锁定', updated: '最后修改 {{at}}',
    notWritten: '尚未撰写纪要', print: '打印纪要', addenda: '补充说明', noAddenda: '没有补充说明', addendumPlaceholder: '纪要锁定后的更正或补充…',
    addAddendum: '添加补充说明',
  },
  print: {
    minutes: '纪要', when: '时间：{{at}}　地点：{{location}}', attendance: '出席情况', items: '议题与各方立场', conclusion: '结论',
    text: '会议记录', signatures: '签署', notLocked: '纪要尚未锁定', digest: '纪要摘要（SHA-256）',
  },
};

export default meetingsZh;
