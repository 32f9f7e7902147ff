// 公示与异议的界面文字（简体中文，第一语言）。en.ts 必须有相同的键（类型检查）。
const noticesZh = {
  state: { draft: '草稿', published: '公示中', posting_ended: '公示期满' },
  objectionStatus: { open: '待答复', overdue: '逾期未答复', answered: '已答复', answered_late: '逾期后答复' },
  subject: { matter_resolution: '议题决议', matter_results: '实施结果', vote_result: '表决结果' },
  issuerKind: { community: '社区', owners_committee: '业主委员会' },
  community: '社区', compound: '小区', communityWide: '全社区', publishedAt: '发布时间', postingEndsAt: '公示截止', postingPeriod: '公示期',
  objectionEndsAt: '异议截止', replyDays: '异议答复期限', objectionCounts: '异议', issuer: '发布方', days: '{{count}} 天',
  counts: '异议 {{total}} 条：待答复 {{open}}，逾期 {{overdue}}，已答复 {{answered}}', windowOpen: '可提出异议', windowClosed: '异议期已过',
  postingUntil: '公示至 {{at}}', attachments: '附件', proofs: '张贴照片', proofHint: '照片证明纸质公示已在公告栏张贴。',
  correctedBy: '本公示已被更正', corrects: '本公示更正了', createdBy: '起草：{{by}}；发布：{{publishedBy}}',
  publish: '发布', publishConfirm: '发布后公示内容不能再修改（更正须另发公示）。确定发布？', publicPage: '公开页面',
  uploadProof: '上传张贴照片', proofNote: '说明（可选），如：3 号楼公告栏', chooseProof: '选择照片', proofUploaded: '照片已上传',
  list: { title: '公示', tab: '公示列表', empty: '没有符合条件的公示', state: '状态', subject: '内容', overdue: '有逾期异议', titleCol: '标题' },
  overdue: { tab: '逾期未答复的异议', empty: '没有逾期未答复的异议' },
  objections: {
    title: '异议（{{total}}）', empty: '没有异议', answer: '答复', answerPlaceholder: '答复内容（将成为公示记录的一部分）',
    answered: '{{by}} 于 {{at}} 答复', replyDue: '应于 {{at}} 前答复', notYours: '异议由发布方查看和答复。',
    raiseTitle: '提出异议', raiseHint: '请在 {{until}} 前提出；每条异议将在 {{days}} 天内答复。', raise: '提交异议', raised: '异议已提交',
    cannot: '只有本小区（或本社区）的居民可以对这条公示提出异议。', windowClosed: '异议期已过，不能再提出异议。',
  },
  my: {
    title: '公示', current: '公示中', all: '全部', objections: '我的异议', empty: '暂无公示', noObjections: '您还没有提出异议',
    yourObjections: '我提出的异议',
  },
  print: {
    heading: '公示', button: '打印公示', print: '打印', back: '返回', ownersCommittee: '业主委员会', timezone: '北京时间', residentsCommittee: '居民委员会',
  },
  public: { howToObject: '对公示内容有异议？', loginToObject: '用手机号登录后提出异议' },
  publishedOn: '发布于 {{at}}', correctedHint: '请以更正后的公示为准；异议请对更正后的公示提出。',
  form: {
    draftButton: '起草公示', editButton: '修改草稿', correctButton: '发布更正', cancel: '取消',
    title: { create: '起草公示', edit: '修改草稿', correct: '发布更正' },
    submit: { create: '保存草稿', edit: '保存修改', correct: '保存更正草稿' },
    saved: { create: '草稿已保存，发布前可以修改', edit: '修改已保存', correct: '更正草稿已保存，发布后生效' },
    published: '公示已发布',
    scope: '公示范围', subjectType: '公示内容', subject: '所涉议题或表决', pickMatter: '选择议题', pickVote: '选择业主表决', noSubject: '没有可选的议题或表决',
    noticeTitle: '标题', body: '正文', bodyHint: '纯文本或 Markdown。',
    postingHint: '至少 {{count}} 天；留空即 {{count}} 天', objectionDays: '异议期', objectionHint: '留空则与公示期相同', daysUnit: '天',
    startsAt: '定时开始', startsHint: '留空则发布时开始公示',
    attach: '添加附件', attachHint: 'PDF 或图片，每个不超过 10 MB；公示发布后不能再添加。', attachFailed: '附件“{{name}}”未上传：{{message}}', attached: '附件“{{name}}”已上传',
    correctionTitle: '【更正】{{title}}', fixed: '公示范围：{{place}}；公示内容：{{subject}}（更正和修改都不能改变）。',
    correctsHint: '更正的是：{{title}}。更正发布后，原公示显示“已被更正”，不再接受异议。',
  },
  errors: {
    posting_too_short: '公示期和异议期至少 {{minimum}} 天', start_in_past: '定时开始时间已过，请修改或清空',
    already_corrected: '该公示已有更正，请对最新的更正公示发布更正', correction_mismatch: '更正须与原公示的范围和内容一致',
    corrects_draft: '草稿不能更正，请直接修改草稿', not_draft: '该公示已经发布', published_is_immutable: '已发布的公示不能修改，请发布更正',
    compound_outside_community: '该小区不属于本社区', committee_needs_compound: '业委会只能为本小区起草公示',
    file_type: '只接受 PDF 或图片', file_too_large: '文件超过 10 MB', file_empty: '文件是空的',
  },
};

export default noticesZh;
