import { Button, Flex } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../shell/AppHeader.tsx';
import { ErrorState, PageLoading } from '../../shell/states.tsx';
import { chinaDateTime } from '../notices/NoticeBits.tsx';
import { usePartyName } from './bits.tsx';
import { useMinutesPrint } from './meetings.api.ts';
import '../notices/notice-print.css';

/** The minutes on A4: attendance per party, quorum, each item with positions and conclusion, the text, signatures, digest and addenda. */
export default function MinutesPrintPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const party = usePartyName();
  const minutes = useMinutesPrint(id);
  if (minutes.isPending) return <PageLoading />;
  if (minutes.isError) return <ErrorState error={minutes.error} onRetry={() => void minutes.refetch()} />;
  const m = minutes.data;
  return (
    <>
      <Flex justify="center" gap={8} className="no-print" style={{ padding: 12 }}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('notices.print.print')}</Button>
        <Link to={`/meetings/${m.meetingId}?tab=minutes`}><Button>{t('notices.print.back')}</Button></Link>
        <LanguageSwitch />
      </Flex>
      <article className="notice-sheet minutes-sheet" data-testid="minutes-sheet">
        <h2>{m.community.name}{m.compound ? ` ${m.compound.name}` : ''} {i18n.language === 'en' ? m.kindLabel.en : m.kindLabel.zh}{t('meetings.print.minutes')}</h2>
        <p style={{ textAlign: 'center', margin: 0 }}>{m.title}</p>
        <p style={{ textAlign: 'center' }}>{`${t('meetings.print.when', { at: chinaDateTime(m.heldAt ?? m.scheduledAt), location: m.location ?? '—' })}（${t('notices.print.timezone')}）`}</p>
        <h3>{t('meetings.print.attendance')}</h3>
        <table>
          <thead><tr><th>{t('meetings.reps.party')}</th><th>{t('meetings.reps.name')}</th><th>{t('meetings.attendance.present')}</th></tr></thead>
          <tbody>
            {m.attendance.flatMap((a) => a.people.map((p, i) => (
              <tr key={`${a.party}-${i}`}>
                <td>{i === 0 ? `${party(a.party)}${a.voting ? '' : `（${t('meetings.reps.nonVoting')}）`}` : ''}</td>
                <td>{p.name}{p.role ? ` · ${p.role}` : ''}{p.company ? ` · ${p.company}` : ''}</td>
                <td>{p.present === null ? '—' : p.present ? t('meetings.attendance.yes') : t('meetings.attendance.no')}</td>
              </tr>
            )))}
          </tbody>
        </table>
        <p>{m.quorum.met ? t('meetings.quorum.met') : t('meetings.quorum.notMet')} · {t('meetings.quorum.short', { present: m.quorum.present, of: m.quorum.of })}</p>
        <h3>{t('meetings.print.items')}</h3>
        {m.agenda.map((item) => (
          <div className="item" key={item.id}>
            <strong>{item.order}. {item.title}</strong>
            <table>
              <tbody>
                {item.positions.map((p) => <tr key={p.representativeId}><td>{party(p.party)} · {p.name}</td><td>{t(`meetings.position.${p.position}`)}</td><td>{p.reason}</td></tr>)}
              </tbody>
            </table>
            {item.conclusion && <p>{t('meetings.print.conclusion')}：{t(`meetings.conclusion.${item.conclusion.result}`)}{item.conclusion.direction ? `（${t(`meetings.position.${item.conclusion.direction}`)}）` : ''} · {t('meetings.conclusion.tally', item.conclusion.tally)}</p>}
            {item.notes && <p style={{ whiteSpace: 'pre-wrap' }}>{item.notes}</p>}
          </div>
        ))}
        <h3>{t('meetings.print.text')}</h3>
        <div style={{ whiteSpace: 'pre-wrap' }}>{m.text}</div>
        <h3>{t('meetings.print.signatures')}</h3>
        <table>
          <tbody>
            {m.signatures.map((s) => <tr key={s.id}><td>{party(s.party)}</td><td>{s.name}</td><td>{chinaDateTime(s.signedAt)}</td></tr>)}
          </tbody>
        </table>
        <p>{m.lockedAt ? t('meetings.minutes.locked', { at: chinaDateTime(m.lockedAt) }) : t('meetings.print.notLocked')}</p>
        <p>{t('meetings.print.digest')}：<code>{m.digest}</code></p>
        {m.addenda.length > 0 && (
          <>
            <h3>{t('meetings.minutes.addenda')}</h3>
            {m.addenda.map((a) => <p key={a.id} style={{ whiteSpace: 'pre-wrap' }}>#{a.seq} {a.authorLabel} {chinaDateTime(a.createdAt)}：{a.text} <code>{a.digest}</code></p>)}
          </>
        )}
      </article>
    </>
  );
}
