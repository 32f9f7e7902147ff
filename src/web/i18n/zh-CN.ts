// 简体中文：界面的第一语言。en.ts must have the same keys (its type checks that).
import votingZh from '../modules/voting/i18n/zh-CN.ts';
import mattersZh from '../modules/consultation/i18n/zh-CN.ts';
import meetingsZh from '../modules/meetings/i18n/zh-CN.ts';
import noticesZh from '../modules/notices/i18n/zh-CN.ts';
const zhCN = {
  app: { name: '社区协商治理平台', fullName: '四议 · 社区协商治理平台' },
  common: {
    empty: '暂无数据', retry: '重试', home: '返回首页', save: '保存', saved: '已保存', edit: '修改', yes: '是', no: '否',
  },
  validation: { required: '必填' },
  errors: {
    loadFailed: '加载失败', notFound: '未找到', notFoundHint: '该页面不存在，或您无权查看。', forbidden: '无权访问',
  },
  shell: { language: '语言', changePassword: '修改密码', logout: '退出登录' },
  nav: { communities: '社区一览', places: '辖区导航', street: '街道', audit: '审计日志', mailbox: '开发邮箱' },
  login: {
    staffTab: '工作人员登录', ownerTab: '业主登录', username: '用户名', password: '密码', submit: '登录',
    phone: '手机号', code: '验证码', requestCode: '获取验证码', resendIn: '{{seconds}} 秒后重发',
    codeSent: '验证码已发送至 {{phone}}，请在有效期内输入。',
    embeddedHint: '演示环境不会真的发送短信：验证码在“开发邮箱”（管理员可见）和服务器日志中。',
    phoneInvalid: '请输入 11 位手机号', codeInvalid: '验证码为 6 位数字',
  },
  password: {
    current: '当前密码', new: '新密码', confirm: '确认新密码', changed: '密码已修改',
    tooShort: '新密码至少 8 位', mismatch: '两次输入的新密码不一致',
  },
  demo: { loading: '正在载入演示数据，部分页面可能暂时为空…', failed: '演示数据载入失败' },
  district: {
    summary: '{{streets}} 个街道，{{communities}} 个社区', noStreets: '该区暂无可查看的街道', communities: '{{count}} 个社区',
  },
  communities: {
    title: '社区一览', count: '共 {{count}} 个社区', search: '搜索社区名称或编码', streetFilter: '按街道筛选',
    empty: '没有符合条件的社区', name: '社区', code: '编码',
  },
  community: { compounds: '小区', grids: '网格', organisations: '组织' },
  figures: {
    derived: '登记统计', derivedHint: '由登记数据自动统计', recorded: '填报数据', recordedHint: '无法由登记数据得出，由工作人员填报',
    recordTitle: '填报社区数据',
    compounds: '小区', buildings: '楼栋', units: '房屋', households: '户数', residents: '居民', grids: '网格',
    gridWorkers: '网格员', partyOrganisations: '党组织', partyMembers: '党员', ownersCommittees: '业委会',
    areaKm2: '面积（km²）', areaM2: '面积（m²）', populationRecorded: '人口（填报）', socialWorkersRecorded: '社工（填报）',
  },
  compounds: {
    search: '搜索小区名称或编码', empty: '没有符合条件的小区', name: '小区', code: '编码', address: '地址',
    propertyCompany: '物业服务企业', owners: '业主', parkingInVotingArea: '车位计入表决面积',
    unitsByUse: '{{total}}（住宅 {{residential}}，商业 {{commercial}}，车位 {{parking}}）',
  },
  compound: { units: '房屋', buildings: '楼栋', owners: '业主', residents: '居民' },
  grids: { name: '网格', code: '编码', worker: '网格员', noWorker: '未配备', branch: '网格支部', empty: '暂无网格' },
  organisations: {
    party: '社区党组织', residentsCommittee: '居民委员会', ownersCommittees: '业主委员会', ownersCommittee: '业主委员会',
    propertyCompanies: '物业服务企业', none: '暂无', noMembers: '暂无成员', role: '职务', partyMember: '党员',
    gridBranches: '网格支部（{{count}}）', memberCount: '{{count}} 人', current: '本届', ended: '已届满',
    partyShare: '党员 {{party}} / {{total}} 人',
  },
  memberRoles: { secretary: '书记', chair: '主任', vice_chair: '副主任', member: '委员', staff: '工作人员', deputy_secretary: '副书记' },
  buildings: { empty: '暂无楼栋', grid: '所属网格' },
  units: {
    building: '楼栋', number: '房号', use: '用途', holderStatus: '产权状态', votingArea: '表决面积', owners: '业主',
    buildingFilter: '全部楼栋', useFilter: '全部用途', search: '搜索房号', empty: '没有符合条件的房屋',
  },
  unitUse: { residential: '住宅', commercial: '商业', parking: '车位' },
  holderStatus: { owned: '已售', developer_unsold: '开发商未售', sold_not_delivered: '已售未交付' },
  areaSource: { registered: '不动产登记面积', surveyed: '实测面积', contract: '合同面积', null: '—' },
  people: {
    name: '姓名', phone: '电话', idLast4: '身份证后四位', units: '房屋', unit: '房屋', voter: '表决人', since: '起始日期',
    until: '截止日期', relation: '关系', developer: '开发商', organisation: '单位', search: '搜索姓名或电话',
    noOwners: '暂无业主', noResidents: '暂无居民',
  },
  relation: { owner: '业主本人', family: '家属', tenant: '租户' },
  unit: {
    basics: '基本信息', areas: '专有部分面积', owners: '现业主', residents: '居民', history: '产权变更记录',
    current: '现行', noVotingArea: '暂无面积',
  },
  myUnits: {
    title: '我的房屋', empty: '没有找到登记在您手机号下的房屋。如有疑问请联系社区。', coOwners: '共有人', me: '本人',
    relation: { owner: '业主', resident: '居住' },
  },
  roster: {
    title: '导入业主名册', importButton: '导入名册', exportButton: '导出名册',
    chooseFile: '点击或拖入名册文件', uploadAgain: '修改文件后，再次上传', fileHint: '支持 XLSX 和 CSV（UTF-8 或 GBK）。导出的名册即为模板。',
    createBuildings: '名册中出现的新楼栋自动创建',
    steps: { choose: '选择文件', check: '检查', import: '导入', done: '完成' },
    status: { parsing: '读取中', validating: '检查中', writing: '写入中', done: '已完成', failed: '失败' },
    rowsProcessed: '已处理 {{done}} / {{total}} 行',
    startFailed: '文件未被接受',
    problemsFound: '发现 {{count}} 个问题，未导入任何数据',
    fixAndRetry: '请按下表修改文件（行号与表格中一致，表头为第 1 行），然后再次上传。',
    problem: { row: '行', column: '列', message: '问题', wholeFile: '整个文件' },
    clean: '检查通过：共 {{rows}} 行，没有问题', cleanHint: '下表为导入后将发生的变化。确认无误后点击“导入”。',
    import: '导入', imported: '导入完成', viewUnits: '查看房屋', ignoredColumns: '未使用的列：',
    counts: {
      rows: '行数', buildingsCreated: '新建楼栋', unitsCreated: '新建房屋', unitsUpdated: '更新房屋', unitsUnchanged: '未变房屋',
      unitsNotInSheet: '名册外房屋（保留）', peopleCreated: '新建人员', peopleUpdated: '更新人员', ownershipsOpened: '新增产权',
      ownershipsClosed: '结束产权', votersChanged: '表决人变更',
    },
  },
  audit: {
    title: '审计日志', subtitle: '每个社区的操作记录按哈希链相连，任何改动都会被发现。',
    globalChain: '平台（账户等）', community: '社区', kind: '事件类型', actor: '操作人', at: '时间', seq: '序号', object: '对象',
    before: '变更前', after: '变更后', eventId: '事件 ID', requestId: '请求 ID', prevHash: '前一哈希', hash: '本条哈希',
    empty: '没有符合条件的记录',
    verify: '校验哈希链', verifyNeedsCommunity: '请先选择一个社区', verifyFailed: '校验未完成',
    verifyOk: '哈希链完整：{{chains}} 条链，{{events}} 个事件', verifyBroken: '发现 {{count}} 处断裂（共 {{events}} 个事件）',
  },
  auditKind: {
    accounts_user_created: '创建用户', accounts_user_disabled: '停用用户', accounts_user_enabled: '启用用户',
    accounts_password_changed: '修改密码', accounts_role_granted: '授予角色', accounts_login_succeeded: '工作人员登录',
    accounts_owner_login_succeeded: '业主登录', registry_district_created: '创建区', registry_street_created: '创建街道',
    registry_demo_loaded: '载入演示数据', registry_community_created: '创建社区', registry_community_figures_recorded: '填报社区数据',
    registry_compound_created: '创建小区', registry_roster_imported: '导入名册', registry_unit_updated: '更新房屋',
    registry_ownership_changed: '产权变更',
  },
  mailbox: {
    title: '开发邮箱', hint: '内置发送器“发出”的验证码显示在这里（仅嵌入式数据库的演示/开发环境）。',
    empty: '还没有发出任何验证码', code: '验证码', at: '时间', channel: '渠道', recipient: '收件人', body: '内容',
  },
  voting: votingZh,
  matters: mattersZh,
  meetings: meetingsZh,
  notices: noticesZh,
};

export default zhCN;

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
export type MessageTree = Messages<typeof zhCN>;
