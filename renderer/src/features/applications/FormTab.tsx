/**
 * 申请表 tab: the generated form of an existing application. What is typed is a draft
 * (`application:<id>`, saved on every keystroke) and is committed to the record when the field is
 * left or Enter is pressed — one operation in the outbox per field edit, not per keystroke. A
 * refused value (the engine's message) stays in the draft, shown under its field, until
 * corrected. The previous certificate and the 自评分表 are edited here too.
 */
import { Alert, App as AntApp, Card, Space, Tag, Typography } from 'antd';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { Application } from '../../../../shared/model/records';
import { derivedFieldIds, factsOfFields } from '../../../../shared/engine/facts';
import { CertificateBox } from './form/CertificateBox';
import { GeneratedForm } from './form/GeneratedForm';
import { SelfScoreSheet } from './form/SelfScoreSheet';
import { useEnterToNext } from '../../components/useEnterToNext';
import { ValidationError } from '../../db/errors';
import { useRuleText, useT, useErrorText } from '../../i18n';
import {
  actsOnCertificate,
  cleanFields,
  fieldErrorsOf,
  hasSelfScoreSheet,
  selfScoreOf,
  updateApplicationDetails,
  updateApplicationFields,
  type PreviousCertificateInput,
  type SelfScoreInput,
} from './create';
import { applicationDraftId, createDraftSaver, deleteDraft, loadDraft, saveDraft } from './drafts';
import { useSession } from '../../stores/session';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import type { TabProps } from './types';
import { useFlushWhenHidden } from './useFlushWhenHidden';
import { langOf } from '../../i18n';

/** Edits not yet committed. A field cleared is `null` (so the draft can say so). */
interface Overrides {
  fields: Record<string, unknown>;
  previousCertificate?: PreviousCertificateInput;
  selfScore?: SelfScoreInput;
}

const EMPTY: Overrides = { fields: {} };

const isEmpty = (o: Overrides): boolean =>
  Object.keys(o.fields).length === 0 && o.previousCertificate === undefined && o.selfScore === undefined;

function certificateInput(app: Application): PreviousCertificateInput {
  const c = app.previousCertificate;
  return c ? { certificateNo: c.certificateNo, issuedOn: c.issuedOn, validUntil: c.validUntil } : {};
}

function selfScoreInput(app: Application): SelfScoreInput {
  const s = app.selfScore;
  if (!s) return { items: [] };
  return {
    items: s.items.map((i) => ({ id: i.id, name: i.name, maxScore: i.maxScore, claimed: i.claimed, hasEvidence: i.hasEvidence })),
    ...(s.seniority ? { seniority: s.seniority } : {}),
  };
}

export function ApplicationFormTab({ file, result }: TabProps) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const userId = useSession((s) => s.user?.id ?? '');
  const { message } = AntApp.useApp();
  const app = file.application;
  const { pack, evaluation } = result;
  const draftId = applicationDraftId(app.id);
  const [overrides, setOverrides] = useState<Overrides>(EMPTY);
  const ref = useRef<Overrides>(EMPTY);
  const [saveErrors, setSaveErrors] = useState<Record<string, string[]>>({});
  const [detailError, setDetailError] = useState<string | null>(null);
  const appRef = useRef(app);
  appRef.current = app;

  const saver = useMemo(
    () =>
      createDraftSaver<Overrides>((values) =>
        isEmpty(values) ? deleteDraft(draftId) : saveDraft({ id: draftId, kind: draftId, userId, values: values as unknown as Record<string, unknown> }),
      ),
    [draftId, userId],
  );
  const flush = useCallback(() => void saver.flush(), [saver]);

  // Unsaved edits from last time (a reload or a crash in the middle of typing) come back.
  useEffect(() => {
    let cancelled = false;
    void loadDraft(draftId).then((row) => {
      if (cancelled || row === undefined) return;
      const restored = { ...EMPTY, ...(row.values as Partial<Overrides>) } as Overrides;
      if (isEmpty(restored)) return;
      ref.current = restored;
      setOverrides(restored);
      void message.info(t('form.tab.restored'));
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftId]);

  useFlushWhenHidden(saver);

  const update = useCallback(
    (change: (o: Overrides) => Overrides) => {
      const next = change(ref.current);
      ref.current = next;
      setOverrides(next);
      saver.schedule(next);
    },
    [saver],
  );

  // Derived facts (shared/engine/facts) are shown, not typed: the 自评分 is the sheet's total.
  const sheet = useMemo(() => (overrides.selfScore ? selfScoreOf(overrides.selfScore, []) : app.selfScore), [overrides.selfScore, app.selfScore]);
  const derived = useMemo(() => derivedFieldIds(pack, sheet), [pack, sheet]);
  const values = useMemo(() => {
    const merged: Record<string, unknown> = { ...app.fields };
    for (const [k, v] of Object.entries(overrides.fields)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    const facts = factsOfFields(pack, merged, { selfScore: sheet });
    for (const id of derived) facts[id] = facts[id] ?? merged[id];
    const shown: Record<string, unknown> = { ...merged, ...Object.fromEntries([...derived].map((id) => [id, facts[id]])) };
    const photoField = file.photoBytes ? pack.fields.find((f) => f.type === 'photo') : undefined;
    if (photoField) shown[photoField.id] = true;
    return shown;
  }, [app.fields, overrides.fields, pack, sheet, derived, file.photoBytes]);

  // Checking hundreds of table rows is left to an idle moment, so typing is never held up by it.
  // The photo accepted on 附件与照片 fills the form's photo field (its bytes are checked by the pack's rule).
  const deferred = useDeferredValue(values);
  const errors = useMemo(() => {
    const photoField = file.photoBytes ? pack.fields.find((f) => f.type === 'photo') : undefined;
    const checked = cleanFields(pack, app.kind, deferred);
    if (photoField) checked[photoField.id] = file.photoBytes;
    return fieldErrorsOf(pack, app.kind, checked, todayIso());
  }, [pack, app.kind, deferred, file.photoBytes]);

  const commitField = useCallback(
    async (id: string) => {
      if (!Object.hasOwn(ref.current.fields, id)) return;
      const typed = ref.current.fields[id];
      await saver.flush();
      try {
        await updateApplicationFields(appRef.current.id, { [id]: typed === null ? undefined : typed });
        setSaveErrors((e) => {
          if (!(id in e)) return e;
          const { [id]: _gone, ...rest } = e;
          return rest;
        });
        // Committed: drop the override unless it was typed over meanwhile.
        update((o) => {
          if (o.fields[id] !== typed) return o;
          const { [id]: _done, ...fields } = o.fields;
          return { ...o, fields };
        });
        await saver.flush();
      } catch (error) {
        if (error instanceof ValidationError) setSaveErrors((e) => ({ ...e, [id]: error.issues.map((i) => rule(i.message)) }));
        else void message.error(t('form.tab.saveFailed', { message: errorText(error) }));
      }
    },
    [saver, update, message, t, errorText, rule],
  );

  const commitDetails = useCallback(async () => {
    const { previousCertificate, selfScore } = ref.current;
    if (previousCertificate === undefined && selfScore === undefined) return;
    await saver.flush();
    try {
      await updateApplicationDetails(appRef.current.id, {
        ...(previousCertificate === undefined ? {} : { previousCertificate }),
        ...(selfScore === undefined ? {} : { selfScore }),
      });
      setDetailError(null);
      update((o) => {
        const next: Overrides = { fields: o.fields };
        if (o.previousCertificate !== previousCertificate && o.previousCertificate !== undefined) next.previousCertificate = o.previousCertificate;
        if (o.selfScore !== selfScore && o.selfScore !== undefined) next.selfScore = o.selfScore;
        return next;
      });
      await saver.flush();
    } catch (error) {
      if (error instanceof ValidationError) setDetailError(errorText(error));
      else void message.error(t('form.tab.saveFailed', { message: errorText(error) }));
    }
  }, [saver, update, message, t, errorText]);

  const enter = useEnterToNext(flush);
  const dirty = !isEmpty(overrides);
  const findings = evaluation.eligibility.findings;
  const windowFindings = findings.filter((f) => f.code.startsWith('window.'));
  const scoreFindings = findings.filter((f) => f.code.startsWith('self-score'));

  return (
    <div {...enter} onBlur={flush}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space>
          <Tag color={dirty ? 'gold' : 'green'} data-testid="form-save-state">
            {dirty ? t('form.tab.unsaved') : t('form.tab.saved')}
          </Tag>
          <Typography.Text type={errors.length > 0 ? 'warning' : 'success'}>
            {errors.length > 0 ? t('form.tab.fieldErrors', { count: errors.length }) : t('form.tab.noErrors')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('form.new.keyboardHint')}
          </Typography.Text>
        </Space>
        <Card size="small">
          <GeneratedForm
            pack={pack}
            kind={app.kind}
            values={values}
            lang={lang}
            idPrefix="app"
            errors={errors}
            showErrors={() => true}
            extraErrors={saveErrors}
            derived={derived}
            onChange={(id, v) => update((o) => ({ ...o, fields: { ...o.fields, [id]: v === undefined ? null : v } }))}
            onCommit={(id) => void commitField(id)}
          />
        </Card>
        {actsOnCertificate(pack, app.kind) && (
          <Card size="small" title={t('form.cert.title')}>
            <CertificateBox
              idPrefix="app"
              value={overrides.previousCertificate ?? certificateInput(app)}
              fromForm={{}}
              onChange={(v) => update((o) => ({ ...o, previousCertificate: v }))}
              onCommit={() => void commitDetails()}
            />
            <FindingList findings={windowFindings} />
          </Card>
        )}
        {hasSelfScoreSheet(pack) && (
          <Card size="small" title={t('form.score.title')}>
            <SelfScoreSheet
              idPrefix="app"
              value={overrides.selfScore ?? selfScoreInput(app)}
              onChange={(v) => update((o) => ({ ...o, selfScore: v }))}
              onCommit={() => void commitDetails()}
            />
            <FindingList findings={scoreFindings} />
          </Card>
        )}
        {detailError && <Alert type="error" showIcon title={t('form.tab.saveFailed', { message: detailError })} />}
      </Space>
    </div>
  );
}

function FindingList({ findings }: { findings: readonly { code: string; met: boolean; message: string }[] }) {
  const rule = useRuleText();
  if (findings.length === 0) return null;
  return (
    <Space orientation="vertical" size={2} style={{ marginTop: 8 }}>
      {findings.map((f) => (
        <Space key={f.code} size={4}>
          <Tag color={f.met ? 'green' : 'orange'}>{f.met ? '✓' : '!'}</Tag>
          <Typography.Text>{rule(f.message)}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
