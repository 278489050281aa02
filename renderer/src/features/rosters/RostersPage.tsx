/**
 * 名册与报表: the xlsx exports — P4 花名册, any program's 公示名单, P5 人才库, P3 年检汇总 and the
 * certificate register for a date range. Each is built in the documents worker and saved through
 * the bridge (save dialog in the desktop shell, a download in browser mode).
 */
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatDateZh, parseDateInput, type IsoDate } from '../../../../shared/rules/civil-date';
import { db } from '../../db';
import { rosterMembers, rosterSources } from '../../../../shared/documents/roster-files';
import { gradedRegisterData, LAYOUT_BUILDERS } from '../../../../shared/documents';
import { programPacks } from '../../../../shared/programs';
import type { ProgramPack } from '../../../../shared/programs/schema';
import { assessmentYearsOf } from '../../documents/inputs';
import { annualSummaryInput, certificateEvents, publicityInput, rkRegisterRows, zjRosterApplicants } from './rosters';
import { loadOfficeName } from '../../documents/settings';
import { useDocumentJob } from '../../documents/useDocumentJob';
import { langOf, useT, useRuleText } from '../../i18n';
import { useUi } from '../../stores/ui';
import { loadApplicationFile, type ApplicationFile } from '../applications/file';
import { todayIso } from '../../today';

async function filesOf(ids: readonly string[]): Promise<ApplicationFile[]> {
  const files = await Promise.all(ids.map((id) => loadApplicationFile(db, id)));
  return files.filter((f): f is ApplicationFile => f !== undefined);
}

/** The files a roster of `layout` lists: the programs whose pack declares it, minus what it leaves off. */
async function rosterFiles(layout: string): Promise<ApplicationFile[]> {
  const ids: string[] = [];
  for (const source of rosterSources(programPacks, layout)) {
    const apps = await db.applications.where('programId').equals(source.pack.id).toArray();
    ids.push(...rosterMembers(source, apps).map((a) => a.id));
  }
  return filesOf(ids);
}

/** The pack document layouts these rosters are built for (shared/programs `documents[].layout`). */
const ROSTER_LAYOUTS = { zjRoster: 'zj-it-senior-roster', rkRegister: 'rk-talent-register', annualSummary: 'grade-summary' } as const;

/** The packs that declare a certificate register by category and level (004 第十一、十二、十五条), with that document. */
const GRADED_REGISTERS = programPacks.flatMap((pack) =>
  pack.documents.filter((d) => LAYOUT_BUILDERS[d.layout] === 'buildGradedRegisterXlsx').map((doc) => ({ pack, doc })),
);

function yearStart(): string {
  return `${todayIso().slice(0, 4)}-01-01`;
}

export function RostersPage() {
  const t = useT();
  const rule = useRuleText();
  const { message } = App.useApp();
  const { run, busy, dialog } = useDocumentJob();
  const publicities = useLiveQuery(() => db.publicities.toArray().then((rows) => rows.filter((p) => !p.deleted)), []);
  const [publicityId, setPublicityId] = useState<string>();
  const [unit, setUnit] = useState('');
  const [rkRange, setRkRange] = useState({ from: yearStart(), to: todayIso() });
  const [certRange, setCertRange] = useState({ from: yearStart(), to: todayIso() });
  const [year, setYear] = useState(Number(todayIso().slice(0, 4)));
  const [gradedAsOf, setGradedAsOf] = useState(todayIso());
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);

  function range(r: { from: string; to: string }): { from: IsoDate; to: IsoDate } | undefined {
    const from = parseDateInput(r.from);
    const to = parseDateInput(r.to);
    if (!from.ok) return void message.error(`${t('documents.rosters.from')}：${rule(from.error.message)}`);
    if (!to.ok) return void message.error(`${t('documents.rosters.to')}：${rule(to.error.message)}`);
    if (to.value < from.value) return void message.error(t('documents.rosters.rangeOrder'));
    return { from: from.value, to: to.value };
  }

  // The applications an export left out: said on the page, not in a modal (a modal from
  // App.useApp() outlives the page and its mask blocks every click on the next one).
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  function showProblems(problems: readonly string[]) {
    setSkipped(problems);
  }

  async function zjRoster() {
    const files = await rosterFiles(ROSTER_LAYOUTS.zjRoster);
    const { applicants, problems } = zjRosterApplicants(files);
    showProblems(problems);
    if (applicants.length === 0) return void message.warning(t('documents.rosters.empty'));
    await run(
      { kind: 'zj-roster', input: { submittingUnit: unit.trim() || (await loadOfficeName(db)), filledOn: todayIso(), assessmentYears: assessmentYearsOf(applicants), applicants } },
      t('documents.rosters.zjRoster'),
      'save',
    );
  }

  async function publicity() {
    const p = publicities?.find((x) => x.id === publicityId);
    if (!p) return void message.warning(t('documents.rosters.pickPublicity'));
    const files = await filesOf(p.applicationIds);
    await run({ kind: 'publicity-list', input: publicityInput(p, files, await loadOfficeName(db)) }, p.title, 'save');
  }

  async function rkRegister() {
    const r = range(rkRange);
    if (!r) return;
    const [files, certificates] = await Promise.all([rosterFiles(ROSTER_LAYOUTS.rkRegister), db.certificates.toArray()]);
    const { rows, problems } = rkRegisterRows(files, certificates, r.from, r.to);
    showProblems(problems);
    if (rows.length === 0) return void message.warning(t('documents.rosters.empty'));
    await run(
      { kind: 'rk-talent-register', input: { registrar: await loadOfficeName(db), roundName: `${formatDateZh(r.from)}—${formatDateZh(r.to)}`, exportedOn: todayIso(), rows } },
      t('documents.rosters.rkRegister'),
      'save',
    );
  }

  async function annualSummary() {
    const files = await rosterFiles(ROSTER_LAYOUTS.annualSummary);
    const { input, problems } = annualSummaryInput(files, year, todayIso());
    showProblems(problems);
    if (input.enterprises.length === 0) return void message.warning(t('documents.rosters.empty'));
    await run({ kind: 'xj-annual-summary', input }, t('documents.rosters.annualTitle', { year }), 'save');
  }

  async function certificateRegister() {
    const r = range(certRange);
    if (!r) return;
    const [certificates, people, organisations, users, history] = await Promise.all([db.certificates.toArray(), db.people.toArray(), db.organisations.toArray(), db.users.toArray(), db.certificateEvents.toArray()]);
    const names = new Map([...people, ...organisations].map((x) => [x.id, x.name]));
    const clerks = new Map(users.map((u) => [u.id, u.displayName]));
    const events = certificateEvents(certificates, (c) => (c.holderPersonId && names.get(c.holderPersonId)) || (c.holderOrganisationId && names.get(c.holderOrganisationId)) || '', (id) => clerks.get(id), history);
    // The builder keeps the events in the range; nothing in it: say so instead of an empty file.
    if (!events.some((e) => e.date >= r.from && e.date <= r.to)) return void message.warning(t('documents.rosters.empty'));
    await run({ kind: 'certificate-register', input: { office: await loadOfficeName(db), from: r.from, to: r.to, events } }, t('documents.rosters.certRegister'), 'save');
  }

  async function gradedRegister(pack: ProgramPack) {
    const asOf = parseDateInput(gradedAsOf);
    if (!asOf.ok) return void message.error(`${t('documents.rosters.asOf')}：${rule(asOf.error.message)}`);
    const [certificates, organisations] = await Promise.all([db.certificates.where('programId').equals(pack.id).toArray(), db.organisations.toArray()]);
    const holders = new Map(organisations.map((o) => [o.id, { name: o.name, creditCode: o.creditCode }]));
    const live = certificates.filter((c) => !c.deleted && c.issuedOn <= asOf.value);
    if (live.length === 0) return void message.warning(t('documents.rosters.empty'));
    const input = gradedRegisterData(pack, live, (c) => holders.get(c.holderOrganisationId ?? '') ?? { name: '', creditCode: '' }, { asOf: asOf.value });
    await run({ kind: 'graded-register', input }, input.title, 'save');
  }

  const rangeInputs = (id: string, value: { from: string; to: string }, set: (v: { from: string; to: string }) => void) => (
    <>
      <Form.Item label={t('documents.rosters.from')} htmlFor={`${id}-from`}>
        <Input id={`${id}-from`} value={value.from} onChange={(e) => set({ ...value, from: e.target.value })} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item label={t('documents.rosters.to')} htmlFor={`${id}-to`}>
        <Input id={`${id}-to`} value={value.to} onChange={(e) => set({ ...value, to: e.target.value })} style={{ width: 150 }} />
      </Form.Item>
    </>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('documents.rosters.title')}
      </Typography.Title>
      {skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setSkipped([])}
          data-testid="roster-skipped"
          title={t('documents.rosters.skipped', { count: skipped.length })}
          description={
            <ul style={{ paddingLeft: 18, margin: 0, maxHeight: 300, overflow: 'auto' }}>
              {skipped.slice(0, 50).map((p) => (
                <li key={p}>{rule(p)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" title={t('documents.rosters.zjRoster')}>
        <Form layout="inline" onFinish={() => void zjRoster()}>
          <Form.Item label={t('documents.rosters.submittingUnit')} htmlFor="roster-unit">
            <Input id="roster-unit" value={unit} onChange={(e) => setUnit(e.target.value)} style={{ width: 300 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" type="primary" disabled={busy} data-testid="export-zj-roster">
              {t('documents.rosters.export')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t('documents.rosters.publicity')}>
        <Form layout="inline" onFinish={() => void publicity()}>
          <Form.Item label={t('documents.rosters.publicityPick')} htmlFor="roster-publicity">
            <Select
              id="roster-publicity"
              value={publicityId}
              onChange={setPublicityId}
              style={{ width: 420 }}
              placeholder={t('documents.rosters.pickPublicity')}
              options={(publicities ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.startedOn}）` }))}
            />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" type="primary" disabled={busy} data-testid="export-publicity">
              {t('documents.rosters.export')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t('documents.rosters.rkRegister')}>
        <Form layout="inline" onFinish={() => void rkRegister()}>
          {rangeInputs('rk', rkRange, setRkRange)}
          <Form.Item>
            <Button htmlType="submit" type="primary" disabled={busy} data-testid="export-rk-register">
              {t('documents.rosters.export')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t('documents.rosters.annual')}>
        <Form layout="inline" onFinish={() => void annualSummary()}>
          <Form.Item label={t('documents.rosters.year')} htmlFor="roster-year">
            <InputNumber id="roster-year" min={2000} max={2099} value={year} onChange={(v) => setYear(Number(v ?? year))} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" type="primary" disabled={busy} data-testid="export-annual">
              {t('documents.rosters.export')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" title={t('documents.rosters.certRegister')}>
        <Form layout="inline" onFinish={() => void certificateRegister()}>
          {rangeInputs('cert', certRange, setCertRange)}
          <Form.Item>
            <Button htmlType="submit" type="primary" disabled={busy} data-testid="export-cert-register">
              {t('documents.rosters.export')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {GRADED_REGISTERS.map(({ pack, doc }) => (
        <Card key={`${pack.id}/${doc.id}`} size="small" title={`${pack.names[lang]} · ${doc.names[lang]}`} data-testid="graded-register">
          <Form layout="inline" onFinish={() => void gradedRegister(pack)}>
            <Form.Item label={t('documents.rosters.asOf')} htmlFor={`graded-${pack.id}-asof`}>
              <Input id={`graded-${pack.id}-asof`} value={gradedAsOf} onChange={(e) => setGradedAsOf(e.target.value)} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" type="primary" disabled={busy} data-testid="export-graded-register">
                {t('documents.rosters.export')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      ))}
      {dialog}
    </Space>
  );
}
