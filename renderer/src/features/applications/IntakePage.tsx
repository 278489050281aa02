/**
 * 收件登记 — the clerk's home. A search box finds applications as the clerk types (name, 身份证号
 * prefix, organisation, application number; program and status filters) and opens one by click
 * or Enter; "新建申请" starts a new one. Below, the people register: an applicant is registered
 * by name and 身份证号 (checked by the shared rule; birth date and sex read from it), with the
 * duplicate warning offering the record already on file.
 */
import { App as AntApp, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { InputRef } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Person } from '../../../../shared/model/records';
import { programPacks } from '../../../../shared/programs';
import { parseIdNumber } from '../../../../shared/rules/id-number';
import { DuplicateWarning, type PersonDuplicateWarning } from '../../components/PersonPicker';
import { ValidationError } from '../../db/errors';
import { useT, useErrorText, useRuleText } from '../../i18n';
import { formatInstantDate, formatIsoDate } from '../../i18n/format';
import { programCode } from './numbers';
import { createPerson, DuplicatePersonError, findPersonDuplicates, recentPeople, SimilarPersonWarning } from '../people/commands';
import { classifyQuery, kindName, programName, searchApplications, stateName, statusOptions, type SearchRow } from './search';
import { writeContext } from '../../session';
import { useUi } from '../../stores/ui';
import { todayIso } from '../../today';
import { langOf } from '../../i18n';

const PAGE = 50;

interface PersonForm {
  name: string;
  idNumber: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function ApplicationSearch({ initialQuery }: { readonly initialQuery: string }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const navigate = useNavigate();
  const [query, setQuery] = useState(initialQuery);
  const [programId, setProgramId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const debounced = useDebounced(query, 100);
  const tableRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<InputRef>(null);

  const key = JSON.stringify([debounced, programId, status]);
  // A live query: the rows follow applications saved meanwhile (on this desk or by a sync), and
  // the latest query wins over a slower earlier one.
  const result = useLiveQuery(
    async () => ({ key, rows: await searchApplications(debounced, { programId, status, limit: PAGE }) }),
    [key],
  );
  const rows = result?.rows ?? [];
  const kind = classifyQuery(debounced).kind;
  const open = (row: SearchRow) => navigate(`/applications/${row.application.id}`);
  const statuses = useMemo(() => statusOptions(programId, lang), [programId, lang]);

  return (
    <Card title={t('people.search.title')}>
      <div style={{ display: 'grid', gap: 12 }}>
        <Space wrap align="end" size="middle">
          <div style={{ display: 'grid', gap: 4 }}>
            <label htmlFor="intake-search">{t('people.search.label')}</label>
            <Input
              id="intake-search"
              ref={searchRef}
              autoFocus={initialQuery !== ''}
              allowClear
              autoComplete="off"
              value={query}
              placeholder={t('people.search.placeholder')}
              style={{ width: 440 }}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing && rows[0] !== undefined && result?.key === key) {
                  e.preventDefault();
                  open(rows[0]);
                } else if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  tableRef.current?.querySelector<HTMLElement>('tbody tr[data-row-key]')?.focus();
                }
              }}
            />
          </div>
          <div style={{ display: 'grid', gap: 4 }}>
            <label htmlFor="intake-program">{t('people.search.program')}</label>
            <Select<string>
              id="intake-program"
              allowClear
              value={programId}
              placeholder={t('people.search.allPrograms')}
              style={{ width: 300 }}
              popupMatchSelectWidth={false}
              onChange={(v) => {
                setProgramId(v);
                setStatus(undefined);
              }}
              options={programPacks.map((p) => ({ value: p.id, label: `${programCode(p.id)} ${p.names[lang]}` }))}
            />
          </div>
          <div style={{ display: 'grid', gap: 4 }}>
            <label htmlFor="intake-status">{t('people.search.status')}</label>
            <Select<string>
              id="intake-status"
              allowClear
              value={status}
              placeholder={t('people.search.allStatuses')}
              style={{ width: 220 }}
              popupMatchSelectWidth={false}
              onChange={(v) => setStatus(v)}
              options={statuses}
            />
          </div>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {kind === 'empty' ? t('people.search.openHint') : `${t(`people.search.kind.${kind}`)} · ${t('people.search.openHint')}`}
          {rows.length >= PAGE && kind !== 'empty' ? ` · ${t('people.search.more', { count: rows.length })}` : ''}
        </Typography.Text>
        <div ref={tableRef}>
          <Table<SearchRow>
            data-testid="application-results"
            rowKey={(r) => r.application.id}
            size="small"
            dataSource={rows}
            loading={result === undefined}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: kind === 'empty' && programId === undefined && status === undefined ? t('people.search.noApplications') : t('people.search.none') }}
            onRow={(row) => ({
              tabIndex: 0,
              style: { cursor: 'pointer' },
              onClick: () => open(row),
              onKeyDown: (e) => {
                if (e.key === 'Enter') open(row);
                else if (e.key === 'ArrowDown') (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                else if (e.key === 'ArrowUp') {
                  const prev = e.currentTarget.previousElementSibling as HTMLElement | null;
                  if (prev?.dataset['rowKey'] !== undefined) prev.focus();
                  else searchRef.current?.focus();
                }
              },
            })}
            columns={[
              {
                title: t('people.col.applicationNo'),
                key: 'no',
                render: (_, r) => <span style={{ whiteSpace: 'nowrap', fontFamily: 'monospace' }}>{r.application.applicationNo}</span>,
              },
              { title: t('people.col.applicant'), key: 'applicant', render: (_, r) => r.person?.name ?? r.organisation?.name ?? '' },
              {
                title: t('people.col.idNumber'),
                key: 'idNumber',
                render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.person?.idNumber ?? r.organisation?.creditCode ?? ''}</span>,
              },
              {
                title: t('people.col.program'),
                key: 'program',
                ellipsis: true,
                render: (_, r) => (
                  <span title={programName(r.application.programId, lang)}>
                    {programCode(r.application.programId)} {programName(r.application.programId, lang)}
                  </span>
                ),
              },
              { title: t('people.col.kind'), key: 'kind', ellipsis: true, render: (_, r) => kindName(r.application.programId, r.application.kind, lang) },
              {
                title: t('people.col.status'),
                key: 'status',
                ellipsis: true,
                render: (_, r) => stateName(r.application.programId, r.application.kind, r.application.status, lang),
              },
              {
                title: t('people.col.receivedDate'),
                key: 'received',
                width: 140,
                render: (_, r) => formatIsoDate(r.application.receivedDate, locale),
              },
            ]}
          />
        </div>
      </div>
    </Card>
  );
}

function PeopleRegister({ onUseExisting }: { readonly onUseExisting: (person: Person) => void }) {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PersonForm>();
  const idRef = useRef<InputRef>(null);
  const nameRef = useRef<InputRef>(null);
  // From the last save, until the clerk changes the form.
  const [saveWarning, setSaveWarning] = useState<PersonDuplicateWarning | null>(null);
  const [saving, setSaving] = useState(false);
  const people = useLiveQuery(() => recentPeople(200), [], [] as Person[]);

  // Warn as soon as the number typed is on file (or the name and birth date are), before saving.
  const values = Form.useWatch([], form) as Partial<PersonForm> | undefined;
  const watchedName = values?.name ?? '';
  const watchedId = values?.idNumber ?? '';
  const liveWarning = useLiveQuery(async (): Promise<PersonDuplicateWarning | null> => {
    const parsed = parseIdNumber(watchedId, { today: todayIso() });
    if (!parsed.ok) return null;
    const found = await findPersonDuplicates({ idNumber: parsed.value.idNumber, name: watchedName, birthDate: parsed.value.birthDate });
    const sameId = found.filter((d) => d.reason === 'same-id').map((d) => d.person);
    const similar = found.filter((d) => d.reason === 'same-name-birth').map((d) => d.person);
    return sameId.length > 0 ? { kind: 'same-id', people: sameId } : similar.length > 0 ? { kind: 'similar', people: similar } : null;
  }, [watchedId, watchedName]);
  const warning = saveWarning ?? liveWarning ?? null;
  const setWarning = setSaveWarning;

  const save = async (allowSameNameBirth: boolean) => {
    const { name = '', idNumber = '' } = form.getFieldsValue();
    setSaving(true);
    try {
      const person = await createPerson({ name, idNumber }, await writeContext(), { allowSameNameBirth });
      void message.success(t('people.saved', { name: person.name }));
      form.resetFields();
      setWarning(null);
      nameRef.current?.focus();
    } catch (error) {
      if (error instanceof DuplicatePersonError) {
        setWarning({ kind: 'same-id', people: [error.existing] });
        form.setFields([{ name: 'idNumber', errors: [errorText(error)] }]);
      } else if (error instanceof SimilarPersonWarning) {
        setWarning({ kind: 'similar', people: error.similar });
      } else if (error instanceof ValidationError) {
        form.setFields(error.issues.map((i) => ({ name: (i.path === 'idNumber' ? 'idNumber' : 'name') as keyof PersonForm, errors: [rule(i.message)] })));
      } else {
        void message.error(t('error.unexpected', { message: errorText(error) }));
      }
    } finally {
      setSaving(false);
    }
  };

  const takeExisting = (person: Person) => {
    form.resetFields();
    setWarning(null);
    onUseExisting(person);
  };

  return (
    <>
      <Card title={t('people.register.title')}>
        <div style={{ display: 'grid', gap: 12 }}>
          <Form<PersonForm>
            form={form}
            layout="inline"
            onFinish={() => void save(false)}
            onValuesChange={() => setSaveWarning(null)}
            requiredMark={false}
            style={{ rowGap: 12 }}
          >
            <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('people.nameRequired') }]}>
              <Input
                ref={nameRef}
                style={{ width: 180 }}
                autoComplete="off"
                maxLength={50}
                onPressEnter={(e) => {
                  e.preventDefault();
                  idRef.current?.focus();
                }}
              />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={t('people.idNumber')}
              tooltip={t('people.idNumberHint')}
              rules={[{ required: true, whitespace: true, message: t('people.idRequired') }]}
            >
              <Input ref={idRef} style={{ width: 260 }} autoComplete="off" maxLength={40} inputMode="text" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('people.save')}
              </Button>
            </Form.Item>
          </Form>
          {warning !== null && (
            <DuplicateWarning warning={warning} onUse={takeExisting} onCreateAnyway={warning.kind === 'similar' ? () => void save(true) : undefined} />
          )}
        </div>
      </Card>
      <Card title={t('people.list.title')}>
        <Table<Person>
          rowKey="id"
          size="middle"
          dataSource={people}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('people.empty') }}
          columns={[
            { title: t('people.name'), dataIndex: 'name' },
            { title: t('people.idNumber'), dataIndex: 'idNumber', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('people.birthDate'), dataIndex: 'birthDate', render: (v?: string) => (v ? formatIsoDate(v, locale) : '') },
            { title: t('people.sex'), dataIndex: 'sex', render: (v?: Person['sex']) => (v ? t(`people.sex.${v}`) : '') },
            { title: t('people.registeredAt'), dataIndex: 'createdAt', render: (v: string) => formatInstantDate(v, locale) },
          ]}
        />
      </Card>
    </>
  );
}

export function IntakePage() {
  const t = useT();
  const navigate = useNavigate();
  const [searchKey, setSearchKey] = useState(0);
  const [seedQuery, setSeedQuery] = useState('');

  return (
    <div style={{ display: 'grid', gap: 24 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('people.title')}
        </Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => navigate('/intake/new')}>
          {t('people.newApplication')}
        </Button>
      </Space>
      <ApplicationSearch key={searchKey} initialQuery={seedQuery} />
      <PeopleRegister
        onUseExisting={(person) => {
          setSeedQuery(person.idNumber);
          setSearchKey((k) => k + 1);
        }}
      />
    </div>
  );
}
