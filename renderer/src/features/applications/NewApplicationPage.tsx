/**
 * 新建申请 (/intake/new): the clerk types a program's paper application.
 *
 *   1. 收件信息: 业务, 办理类型 (the applicant-initiated kinds of the pack), 提交方式, 收件日期
 *      (default today), and the applicant the pack asks for: a person (PersonPicker, by 身份证号)
 *      or an organisation (OrganisationPicker, by 统一社会信用代码).
 *   2. 申请表: the form generated from the pack (FieldInput per field, in the paper form's
 *      order), the previous certificate when the kind acts on one, the 自评分表 when the program
 *      judges on one; the engine's field errors under each field.
 *   登记 registers it (intake/create), deletes the draft and opens the application's checklist.
 *
 * Keyboard-first: Enter moves to the next field; the last one leads to 登记. Everything typed is
 * a draft (intake/drafts) saved as it is typed, kept in the URL (`?draft=<id>`) so a reload
 * resumes it; unfinished drafts are listed at the top to resume or discard. `?person=<id>` starts
 * a form with that applicant chosen (from an applicant's record); `?organisation=<id>` with that
 * organisation chosen (the 单位 page's 新建申请).
 */
import { Alert, App as AntApp, Button, Card, Form, List, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { evaluateApplication } from '../../../../shared/engine/evaluate';
import { programPacks, getPack } from '../../../../shared/programs';
import type { ApplicationKindId, ProgramPack } from '../../../../shared/programs/schema';
import { EnumSelect, TextBox } from './form/FieldInput';
import { OrganisationPicker } from '../../components/OrganisationPicker';
import { PersonPicker } from '../../components/PersonPicker';
import { CertificateBox } from './form/CertificateBox';
import { GeneratedForm, fieldDomId } from './form/GeneratedForm';
import { SelfScoreSheet } from './form/SelfScoreSheet';
import { prefillFromIdNumber, prefillFromIntake, prefillFromOrganisation, prefillFromPerson } from './form/prefill';
import { SELF_SCORE_FIELD } from '../../../../shared/engine/facts';
import { useEnterToNext } from '../../components/useEnterToNext';
import { db } from '../../db';
import { ValidationError } from '../../db/errors';
import { useRuleText, useT, type MessageKey, useErrorText } from '../../i18n';
import { formatInstantDate } from '../../i18n/format';
import { shippedCalendar } from '../calendar/calendar';
import { programCode } from './numbers';
import {
  SUBMISSION_CHANNELS,
  actsOnCertificate,
  applicantKinds,
  cleanFields,
  createApplication,
  fieldErrorsOf,
  fieldsWithSheetTotal,
  hasSelfScoreSheet,
  initialStateOf,
  previousCertificateOf,
  previousCertificateWithFields,
  selfScoreIsDerived,
  selfScoreOf,
  type PreviousCertificateInput,
  type SelfScoreInput,
} from './create';
import {
  NEW_APPLICATION_DRAFT,
  createDraftSaver,
  deleteDraft,
  deleteDrafts,
  listDrafts,
  loadDraft,
  newApplicationDraftId,
  saveDraft,
} from './drafts';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import { useFlushWhenHidden } from './useFlushWhenHidden';
import { langOf } from '../../i18n';

/** What a new-application draft holds. */
export interface NewApplicationDraft {
  programId?: string;
  kind?: string;
  channel?: string;
  receivedDate?: string;
  personId?: string;
  organisationId?: string;
  fields: Record<string, unknown>;
  previousCertificate: PreviousCertificateInput;
  selfScore: SelfScoreInput;
  /** Fields the clerk has left at least once: their errors are shown. */
  touched?: string[];
}

const blankDraft = (): NewApplicationDraft => ({
  receivedDate: todayIso(),
  fields: {},
  previousCertificate: {},
  selfScore: { items: [] },
});

/** The kind chosen, when the program's applicants may start it (a kind left from another program is not). */
function chosenKind(pack: ProgramPack | undefined, kind: string | undefined): ApplicationKindId | undefined {
  return pack === undefined ? undefined : applicantKinds(pack).find((k) => k.id === kind)?.id;
}

function asDraft(values: Record<string, unknown> | undefined): NewApplicationDraft {
  const v = (values ?? {}) as Partial<NewApplicationDraft>;
  return { ...blankDraft(), ...v, fields: v.fields ?? {}, previousCertificate: v.previousCertificate ?? {}, selfScore: v.selfScore ?? { items: [] } };
}


export function NewApplicationPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const userId = useSession((s) => s.user?.id ?? '');
  const param = params.get('draft');
  /** The draft on screen and its values as loaded. */
  const [active, setActive] = useState<{ id: string; initial: NewApplicationDraft; resumed: boolean } | null>(null);
  const created = useRef(new Map<string, NewApplicationDraft>());

  useEffect(() => {
    let cancelled = false;
    if (param === null) {
      // A fresh form gets its draft id at once, in the URL, so a reload comes back to it.
      const id = newApplicationDraftId();
      // `?person=<id>`: started from an applicant's record, the applicant is already chosen.
      const person = params.get('person');
      const organisation = params.get('organisation');
      created.current.set(id, {
        ...blankDraft(),
        ...(person ? { personId: person } : {}),
        ...(organisation ? { organisationId: organisation } : {}),
      });
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set('draft', id);
        return next;
      }, { replace: true });
      return;
    }
    if (active?.id === param) return;
    void loadDraft(param).then((row) => {
      if (cancelled) return;
      if (row === undefined && !created.current.has(param)) void message.info(t('form.drafts.notFound'));
      setActive({ id: param, initial: row ? asDraft(row.values) : (created.current.get(param) ?? blankDraft()), resumed: row !== undefined });
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [param]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('form.new.title')}
      </Typography.Title>
      <DraftList userId={userId} currentId={active?.id} />
      {active === null ? <Spin /> : <NewApplicationForm key={active.id} draftId={active.id} initial={active.initial} resumed={active.resumed} userId={userId} />}
    </Space>
  );
}

/** Unfinished new-application drafts of this user (other than the one on screen). */
function DraftList({ userId, currentId }: { userId: string; currentId: string | undefined }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const navigate = useNavigate();
  const drafts = useLiveQuery(() => listDrafts({ kind: NEW_APPLICATION_DRAFT, userId }), [userId]);
  const people = useLiveQuery(async () => {
    const values = (drafts ?? []).map((d) => d.values as Partial<NewApplicationDraft>);
    const ids = values.map((v) => v.personId).filter((id): id is string => typeof id === 'string');
    const orgIds = values.map((v) => v.organisationId).filter((id): id is string => typeof id === 'string');
    const [rows, orgs] = await Promise.all([db.people.bulkGet(ids), db.organisations.bulkGet(orgIds)]);
    return new Map([...rows, ...orgs].filter((p) => p !== undefined).map((p) => [p.id, p.name]));
  }, [drafts]);
  const others = (drafts ?? []).filter((d) => d.id !== currentId && hasContent(asDraft(d.values)));
  if (others.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('form.drafts.title', { count: others.length })}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('form.drafts.help')}</Typography.Paragraph>
          {others.length > 1 && (
            <Popconfirm
              title={t('form.drafts.discardAllConfirm', { count: others.length })}
              onConfirm={() => void deleteDrafts(others.map((d) => d.id))}
            >
              <Button size="small" danger data-testid="discard-all-drafts">
                {t('form.drafts.discardAll')}
              </Button>
            </Popconfirm>
          )}
          <List
            size="small"
            dataSource={others}
            data-testid="draft-list"
            renderItem={(d) => {
              const v = asDraft(d.values);
              const pack = v.programId ? getPack(v.programId) : undefined;
              const kind = pack?.applicationKinds.find((k) => k.id === v.kind);
              const who =
                (v.personId && people?.get(v.personId)) ||
                (v.organisationId && people?.get(v.organisationId)) ||
                (typeof v.fields['name'] === 'string' ? v.fields['name'] : '');
              const title = [pack ? pack.names[lang] : t('form.drafts.untitled'), kind?.names[lang], who].filter(Boolean).join(' · ');
              return (
                <List.Item
                  actions={[
                    <Button key="resume" type="link" size="small" onClick={() => navigate(`/intake/new?draft=${encodeURIComponent(d.id)}`)}>
                      {t('form.drafts.resume')}
                    </Button>,
                    <Popconfirm key="discard" title={t('form.drafts.discardConfirm')} onConfirm={() => void deleteDraft(d.id)}>
                      <Button type="link" size="small" danger>
                        {t('form.drafts.discard')}
                      </Button>
                    </Popconfirm>,
                  ]}
                >
                  <Space>
                    <span>{title}</span>
                    <Typography.Text type="secondary">{t('form.drafts.savedAt', { time: `${formatInstantDate(d.updatedAt, locale)} ${d.updatedAt.slice(11, 16)}` })}</Typography.Text>
                  </Space>
                </List.Item>
              );
            }}
          />
        </>
      }
    />
  );
}

function hasContent(d: NewApplicationDraft): boolean {
  return d.programId !== undefined || d.personId !== undefined || d.organisationId !== undefined || Object.keys(d.fields).length > 0;
}

interface FormProps {
  readonly draftId: string;
  readonly initial: NewApplicationDraft;
  readonly resumed: boolean;
  readonly userId: string;
}

function NewApplicationForm({ draftId, initial, resumed, userId }: FormProps) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const role = useSession((s) => s.user?.role ?? 'clerk');
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<NewApplicationDraft>(initial);
  const ref = useRef(draft);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set(initial.touched ?? Object.keys(initial.fields)));
  const [submitted, setSubmitted] = useState(false);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const today = todayIso();

  const saver = useMemo(
    () =>
      createDraftSaver<NewApplicationDraft>((values) =>
        saveDraft({ id: draftId, kind: NEW_APPLICATION_DRAFT, userId, values: values as unknown as Record<string, unknown> }),
      ),
    [draftId, userId],
  );
  const flush = useCallback(() => void saver.flush(), [saver]);

  useEffect(() => {
    if (resumed) void message.success(t('form.drafts.resumed'));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useFlushWhenHidden(saver);

  const update = useCallback(
    (change: (d: NewApplicationDraft) => NewApplicationDraft) => {
      const next = change(ref.current);
      ref.current = next;
      setDraft(next);
      saver.schedule(next);
    },
    [saver],
  );

  const pack = draft.programId ? getPack(draft.programId) : undefined;
  const kinds = pack ? applicantKinds(pack) : [];
  const kind = useMemo(() => chosenKind(draft.programId ? getPack(draft.programId) : undefined, draft.kind), [draft.programId, draft.kind]);

  // The applicant's record fills the blank name / ID / sex / birth month / phone fields.
  const person = useLiveQuery(() => (draft.personId ? db.people.get(draft.personId) : undefined), [draft.personId]);
  useEffect(() => {
    if (!person || !pack || !kind) return;
    update((d) => {
      const fields = prefillFromPerson(pack, kind, d.fields, person);
      return Object.keys(fields).length === Object.keys(d.fields).length ? d : { ...d, fields };
    });
  }, [person, pack, kind, update]);

  // The applicant organisation's record fills 单位名称 and 统一社会信用代码 the same way.
  const organisation = useLiveQuery(() => (draft.organisationId ? db.organisations.get(draft.organisationId) : undefined), [draft.organisationId]);
  useEffect(() => {
    if (!organisation || !pack || !kind || pack.applicantKind !== 'organisation') return;
    update((d) => {
      const fields = prefillFromOrganisation(pack, kind, d.fields, organisation);
      return Object.keys(fields).length === Object.keys(d.fields).length ? d : { ...d, fields };
    });
  }, [organisation, pack, kind, update]);

  const withIntake = (d: NewApplicationDraft): NewApplicationDraft => {
    const p = d.programId ? getPack(d.programId) : undefined;
    const chosen = chosenKind(p, d.kind);
    if (!p || !chosen) return d;
    return { ...d, fields: prefillFromIntake(p, chosen, d.fields, { channel: d.channel, receivedDate: d.receivedDate }) };
  };

  const markTouched = useCallback(
    (id: string) => {
      flush();
      setTouched((prev) => {
        if (prev.has(id)) return prev;
        const next = new Set(prev).add(id);
        ref.current = { ...ref.current, touched: [...next] };
        saver.schedule(ref.current);
        return next;
      });
    },
    [flush, saver],
  );

  // The engine's view of what is typed: field errors, and the window and self-score findings.
  const programId = draft.programId;
  // Checking hundreds of table rows is left to an idle moment, so typing is never held up by it.
  const checkedFields = useDeferredValue(draft.fields);
  const engine = useMemo(() => {
    const pack = programId ? getPack(programId) : undefined;
    if (!pack || !kind) return undefined;
    // The 自评分 is the 自评分表's total, as the engine will read it (shared/engine/facts).
    const fields = fieldsWithSheetTotal(pack, cleanFields(pack, kind, checkedFields), draft.selfScore);
    const errors = fieldErrorsOf(pack, kind, fields, today);
    const onCertificate = actsOnCertificate(pack, kind);
    const certificateFromForm = onCertificate ? previousCertificateWithFields(pack, kind, {}, checkedFields) : {};
    const certificate = onCertificate
      ? previousCertificateOf(previousCertificateWithFields(pack, kind, draft.previousCertificate, checkedFields), [])
      : undefined;
    const sheet = hasSelfScoreSheet(pack) ? selfScoreOf(draft.selfScore, []) : undefined;
    const state = initialStateOf(pack, kind) ?? 'received';
    const evaluation = evaluateApplication(
      pack,
      {
        kind,
        state,
        history: [],
        fields,
        materials: [],
        ...(certificate ? { certificate } : {}),
        ...(sheet
          ? {
              selfScore: {
                items: sheet.items.map((i) => ({ id: i.id, name: i.name, maxScore: i.maxScore })),
                entries: sheet.items.map((i) => ({ itemId: i.id, claimed: i.claimed, hasEvidence: i.hasEvidence })),
                ...(sheet.seniority ? { seniority: sheet.seniority } : {}),
              },
            }
          : {}),
      },
      { today, calendar: shippedCalendar(), role },
    );
    const findings = evaluation.eligibility.findings;
    return {
      errors,
      onCertificate,
      certificateFromForm,
      windowFindings: findings.filter((f) => f.code.startsWith('window.')),
      scoreFindings: findings.filter((f) => f.code.startsWith('self-score')),
      missing: errors.filter((e) => e.code === 'field.required' || e.code === 'field.remark-required' || e.code === 'field.min-rows').length,
    };
  }, [programId, kind, checkedFields, draft.previousCertificate, draft.selfScore, today, role]);

  // Derived facts are shown, not typed: the form's 自评分 is the sheet's total (one fact, one place).
  const derived = useMemo(() => {
    const p = programId ? getPack(programId) : undefined;
    return p && selfScoreIsDerived(p) ? new Set([SELF_SCORE_FIELD]) : undefined;
  }, [programId]);
  const shownFields = useMemo(() => {
    const p = programId ? getPack(programId) : undefined;
    return p && selfScoreIsDerived(p) ? fieldsWithSheetTotal(p, draft.fields, draft.selfScore) : draft.fields;
  }, [programId, draft.fields, draft.selfScore]);

  const enter = useEnterToNext(flush);

  const register = async () => {
    setBusy(true);
    setSubmitted(true);
    try {
      await saver.flush();
      const d = ref.current;
      // The pack says who applies: a person or an organisation, never both.
      const byOrganisation = d.programId !== undefined && getPack(d.programId)?.applicantKind === 'organisation';
      const app = await createApplication({
        programId: d.programId ?? '',
        kind: d.kind ?? '',
        channel: d.channel ?? '',
        receivedDate: d.receivedDate ?? '',
        personId: byOrganisation ? undefined : d.personId,
        organisationId: byOrganisation ? d.organisationId : undefined,
        fields: d.fields,
        previousCertificate: d.previousCertificate,
        selfScore: d.selfScore,
      });
      saver.cancel();
      await saver.flush();
      await deleteDraft(draftId);
      void message.success(t('form.new.registered', { no: app.applicationNo }));
      navigate(`/applications/${app.id}?tab=checklist`);
    } catch (error) {
      if (error instanceof ValidationError) {
        setRefusal(error.issues.map((i) => rule(i.message)));
        const first = error.issues[0]?.path;
        const target =
          first === undefined
            ? undefined
            : first.startsWith('fields.')
              ? fieldDomId('new', first.slice(7).replace(/\[.*$/, ''))
              : { programId: 'new-program', kind: 'new-kind', channel: 'new-channel', receivedDate: 'new-received' }[first];
        if (first === 'organisationId' || first === 'personId') document.querySelector<HTMLElement>('[data-testid$="-picker"] input')?.focus();
        if (target) document.getElementById(target)?.focus();
      } else {
        void message.error(t('error.unexpected', { message: errorText(error) }));
      }
    } finally {
      setBusy(false);
    }
  };

  const channelOptions = SUBMISSION_CHANNELS.map((c) => ({ value: c, label: t(`form.channel.${c}` as MessageKey) }));

  return (
    <div {...enter} onBlur={flush}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small" title={t('form.new.intake')}>
          <Form layout="vertical" component="div">
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 16 }}>
              <Form.Item label={t('form.new.program')} htmlFor="new-program" required style={{ marginBottom: 12 }}>
                <EnumSelect
                  id="new-program"
                  autoFocus={!resumed}
                  value={draft.programId}
                  placeholder={t('form.new.programPlaceholder')}
                  options={programPacks.map((p) => ({ value: p.id, label: `${programCode(p.id)} ${p.names[lang]}` }))}
                  onChange={(v) =>
                    update((d) => {
                      const p = typeof v === 'string' ? getPack(v) : undefined;
                      const only = p ? applicantKinds(p) : [];
                      const kindStays = p !== undefined && only.some((k) => k.id === d.kind);
                      const next: NewApplicationDraft = { ...d, programId: v as string | undefined };
                      if (!kindStays) {
                        if (only.length === 1) next.kind = only[0]!.id;
                        else delete next.kind;
                      }
                      return withIntake(next);
                    })
                  }
                />
              </Form.Item>
              <Form.Item label={t('form.new.kind')} htmlFor="new-kind" required style={{ marginBottom: 12 }}>
                <EnumSelect
                  id="new-kind"
                  value={kind}
                  placeholder={t('form.new.kindPlaceholder')}
                  disabled={!pack}
                  options={kinds.map((k) => ({ value: k.id, label: k.names[lang] }))}
                  onChange={(v) => update((d) => withIntake({ ...d, kind: v as string | undefined }))}
                />
              </Form.Item>
              <Form.Item label={t('form.new.channel')} htmlFor="new-channel" required style={{ marginBottom: 12 }}>
                <EnumSelect
                  id="new-channel"
                  value={draft.channel}
                  placeholder={t('form.new.channelPlaceholder')}
                  options={channelOptions}
                  onChange={(v) => update((d) => withIntake({ ...d, channel: v as string | undefined }))}
                />
              </Form.Item>
              <Form.Item label={t('form.new.receivedDate')} htmlFor="new-received" required style={{ marginBottom: 12 }}>
                <TextBox
                  type="date"
                  id="new-received"
                  value={draft.receivedDate}
                  placeholder={t('form.field.datePlaceholder')}
                  onChange={(v) => update((d) => ({ ...d, receivedDate: typeof v === 'string' ? v : undefined }))}
                  onCommit={() => update(withIntake)}
                />
              </Form.Item>
            </div>
            {pack?.applicantKind === 'organisation' ? (
              <Form.Item label={t('form.new.applicantOrganisation')} required style={{ marginBottom: 0 }}>
                <OrganisationPicker value={draft.organisationId} onChange={(id) => update((d) => ({ ...d, organisationId: id }))} />
              </Form.Item>
            ) : (
              <Form.Item label={t('form.new.applicant')} required style={{ marginBottom: 0 }}>
                <PersonPicker value={draft.personId} onChange={(id) => update((d) => ({ ...d, personId: id }))} />
              </Form.Item>
            )}
          </Form>
        </Card>

        <Card
          size="small"
          title={t('form.new.form')}
          extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('form.new.keyboardHint')}</Typography.Text>}
        >
          {!pack || !kind || !engine ? (
            <Typography.Text type="secondary">{t('form.new.chooseFirst')}</Typography.Text>
          ) : (
            <GeneratedForm
              pack={pack}
              kind={kind}
              values={shownFields}
              derived={derived}
              lang={lang}
              idPrefix="new"
              errors={engine.errors}
              showErrors={(id) => submitted || touched.has(id)}
              onChange={(id, v) =>
                update((d) => {
                  const fields = { ...d.fields };
                  if (v === undefined) delete fields[id];
                  else fields[id] = v;
                  // A 身份证号码 typed on the form fills a blank 性别 and 出生年月 (GB 11643).
                  return { ...d, fields: id === 'idNumber' ? prefillFromIdNumber(pack, kind, fields) : fields };
                })
              }
              onCommit={markTouched}
            />
          )}
        </Card>

        {pack && kind && engine?.onCertificate && (
          <Card size="small" title={t('form.cert.title')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('form.cert.help')}</Typography.Text>}>
            <CertificateBox
              idPrefix="new"
              value={draft.previousCertificate}
              fromForm={engine.certificateFromForm}
              onChange={(v) => update((d) => ({ ...d, previousCertificate: v }))}
              onCommit={flush}
            />
            <Findings findings={engine.windowFindings} />
          </Card>
        )}

        {pack && kind && hasSelfScoreSheet(pack) && engine && (
          <Card size="small" title={t('form.score.title')}>
            <SelfScoreSheet idPrefix="new" value={draft.selfScore} onChange={(v) => update((d) => ({ ...d, selfScore: v }))} onCommit={flush} />
            <Findings findings={engine.scoreFindings} />
          </Card>
        )}

        {refusal && (
          <Alert
            type="error"
            showIcon
            title={t('form.new.refused')}
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="refusal">
                {refusal.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            }
          />
        )}

        <Space>
          <Button type="primary" size="large" loading={busy} onClick={() => void register()} data-testid="register">
            {busy ? t('form.new.registering') : t('form.new.register')}
          </Button>
          {engine && (
            <Typography.Text type={engine.missing > 0 ? 'warning' : 'success'} data-testid="form-summary">
              {engine.missing > 0 ? t('form.new.incomplete', { count: engine.missing }) : t('form.new.complete')}
            </Typography.Text>
          )}
        </Space>
      </Space>
    </div>
  );
}

function Findings({ findings }: { findings: readonly { code: string; met: boolean; message: string }[] }) {
  const rule = useRuleText();
  if (findings.length === 0) return null;
  return (
    <Space orientation="vertical" size={2} style={{ marginTop: 8 }}>
      {findings.map((f) => (
        <Space key={f.code} size={4} data-testid={`finding-${f.code}`}>
          <Tag color={f.met ? 'green' : 'orange'}>{f.met ? '✓' : '!'}</Tag>
          <Typography.Text>{rule(f.message)}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
