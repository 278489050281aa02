/**
 * 单位 — organisations (the applicants of P3 年检 and P6 IETS, and the employers of people):
 * registered once by 统一社会信用代码 (checked by the shared rule), found by name or code prefix.
 * The same code is refused, naming the record on file; the same name is a warning the clerk
 * may override. Each row offers 新建申请 (an organisation program, the organisation chosen) and
 * opens to the organisation's applications and certificates.
 */
import { App as AntApp, Button, Card, Form, Input, Table, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAllowed } from '../../auth/access';
import type { Organisation } from '../../../../shared/model/records';
import { parseCreditCode } from '../../../../shared/rules/credit-code';
import { ValidationError } from '../../db/errors';
import { useT, useErrorText, useRuleText } from '../../i18n';
import { formatInstantDate, formatIsoDate } from '../../i18n/format';
import { kindName, programName, stateName } from '../applications/search';
import { useOrganisationFiles } from './queries';
import {
  createOrganisation,
  DuplicateOrganisationError,
  findOrganisationDuplicates,
  searchOrganisations,
  SimilarOrganisationWarning,
} from './commands';
import { writeContext } from '../../session';
import { useUi } from '../../stores/ui';
import { langOf } from '../../i18n';
import { DuplicateOrganisationWarning, type OrganisationDuplicate } from '../../components/DuplicateOrganisationWarning';

interface OrganisationForm {
  creditCode: string;
  name: string;
  address?: string;
  contact?: string;
  phone?: string;
}

type Warning = OrganisationDuplicate;

const FIELDS = ['creditCode', 'name', 'address', 'contact', 'phone'] as const;

export function OrganisationsPage() {
  const t = useT();
  const rule = useRuleText();
  const errorText = useErrorText();
  const locale = useUi((s) => s.locale);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<OrganisationForm>();
  const codeRef = useRef<InputRef>(null);
  const [query, setQuery] = useState('');
  // From the last save, until the clerk changes the form.
  const [saveWarning, setWarning] = useState<Warning | null>(null);
  const [saving, setSaving] = useState(false);
  const organisations = useLiveQuery(() => searchOrganisations(query, 200), [query]);
  const navigate = useNavigate();
  const mayCreate = useAllowed('intake.create');

  const values = Form.useWatch([], form) as Partial<OrganisationForm> | undefined;
  const watchedCode = values?.creditCode ?? '';
  const watchedName = values?.name ?? '';
  const liveWarning = useLiveQuery(async (): Promise<Warning | null> => {
    const code = parseCreditCode(watchedCode);
    const name = watchedName.trim();
    if (!code.ok && name === '') return null;
    const found = await findOrganisationDuplicates({ creditCode: code.ok ? code.value.code : undefined, name });
    const sameCode = found.filter((d) => d.reason === 'same-credit-code').map((d) => d.organisation);
    const similar = found.filter((d) => d.reason === 'same-name').map((d) => d.organisation);
    return sameCode.length > 0 ? { kind: 'same-code', organisations: sameCode } : similar.length > 0 ? { kind: 'similar', organisations: similar } : null;
  }, [watchedCode, watchedName]);
  const warning = saveWarning ?? liveWarning ?? null;

  const save = async (allowSameName: boolean) => {
    const v = form.getFieldsValue();
    setSaving(true);
    try {
      const organisation = await createOrganisation(
        { name: v.name ?? '', creditCode: v.creditCode ?? '', address: v.address, contact: v.contact, phone: v.phone },
        await writeContext(),
        { allowSameName },
      );
      void message.success(t('people.org.saved', { name: organisation.name }));
      form.resetFields();
      setWarning(null);
      codeRef.current?.focus();
    } catch (error) {
      if (error instanceof DuplicateOrganisationError) {
        setWarning({ kind: 'same-code', organisations: [error.existing] });
        form.setFields([{ name: 'creditCode', errors: [errorText(error)] }]);
      } else if (error instanceof SimilarOrganisationWarning) {
        setWarning({ kind: 'similar', organisations: error.similar });
      } else if (error instanceof ValidationError) {
        form.setFields(
          error.issues.map((i) => {
            const field = FIELDS.find((f) => f === i.path) ?? 'name';
            return { name: field, errors: [rule(i.message)] };
          }),
        );
      } else {
        void message.error(t('error.unexpected', { message: errorText(error) }));
      }
    } finally {
      setSaving(false);
    }
  };

  const takeExisting = (organisation: Organisation) => {
    form.resetFields();
    setWarning(null);
    setQuery(organisation.creditCode);
  };

  return (
    <div style={{ display: 'grid', gap: 24 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('people.org.title')}
      </Typography.Title>
      <Card title={t('people.org.register')}>
        <Form<OrganisationForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={() => void save(false)}
          onValuesChange={() => setWarning(null)}
          style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 16 }}
        >
          <Form.Item
            name="creditCode"
            label={t('people.org.creditCode')}
            tooltip={t('people.org.creditCodeHint')}
            rules={[{ required: true, whitespace: true, message: t('people.org.creditCodeRequired') }]}
          >
            <Input ref={codeRef} autoFocus autoComplete="off" maxLength={40} />
          </Form.Item>
          <Form.Item name="name" label={t('people.org.name')} rules={[{ required: true, whitespace: true, message: t('people.org.nameRequired') }]}>
            <Input autoComplete="off" maxLength={100} />
          </Form.Item>
          <Form.Item name="address" label={t('people.org.address')}>
            <Input autoComplete="off" maxLength={200} />
          </Form.Item>
          <Form.Item name="contact" label={t('people.org.contact')}>
            <Input autoComplete="off" maxLength={50} />
          </Form.Item>
          <Form.Item name="phone" label={t('people.org.phone')}>
            <Input autoComplete="off" maxLength={40} />
          </Form.Item>
          <Form.Item label=" ">
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('people.save')}
            </Button>
          </Form.Item>
        </Form>
        {warning !== null && (
          <DuplicateOrganisationWarning warning={warning} onUseExisting={takeExisting} onCreateAnyway={() => void save(true)} />
        )}
      </Card>
      <Card title={t('people.org.list')}>
        <div style={{ display: 'grid', gap: 12 }}>
          <div style={{ display: 'grid', gap: 4, maxWidth: 440 }}>
            <label htmlFor="organisation-search">{t('people.org.search')}</label>
            <Input
              id="organisation-search"
              allowClear
              autoComplete="off"
              value={query}
              placeholder={t('people.org.searchPlaceholder')}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <Table<Organisation>
            rowKey="id"
            size="middle"
            dataSource={organisations ?? []}
            loading={organisations === undefined}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: query.trim() === '' ? t('people.org.empty') : t('people.org.none') }}
            columns={[
              { title: t('people.org.name'), dataIndex: 'name' },
              {
                title: t('people.org.creditCode'),
                dataIndex: 'creditCode',
                width: 210,
                // 18 characters on one line: a code broken in two is misread.
                render: (v: string) => (
                  <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                    {v}
                  </Typography.Text>
                ),
              },
              { title: t('people.org.contact'), dataIndex: 'contact' },
              { title: t('people.org.phone'), dataIndex: 'phone' },
              { title: t('people.org.address'), dataIndex: 'address', ellipsis: true },
              { title: t('people.org.registeredAt'), dataIndex: 'createdAt', render: (v: string) => formatInstantDate(v, locale) },
              ...(mayCreate
                ? [
                    {
                      title: t('org.actions'),
                      key: 'actions',
                      width: 120,
                      render: (_: unknown, o: Organisation) => (
                        <Button size="small" onClick={() => navigate(`/intake/new?organisation=${encodeURIComponent(o.id)}`)} data-testid="organisation-new-application">
                          {t('org.newApplication')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
            expandable={{ expandedRowRender: (o: Organisation) => <OrganisationFilesView organisationId={o.id} /> }}
          />
        </div>
      </Card>
    </div>
  );
}

/** An organisation's applications and certificates, under its row. */
function OrganisationFilesView({ organisationId }: { organisationId: string }) {
  const t = useT();
  const locale = useUi((s) => s.locale);
  const lang = langOf(locale);
  const files = useOrganisationFiles(organisationId);
  return (
    <div style={{ display: 'grid', gap: 12 }} data-testid="organisation-files">
      <Typography.Text strong>{t('org.applications')}</Typography.Text>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={files === undefined}
        dataSource={[...(files?.applications ?? [])]}
        locale={{ emptyText: t('org.noApplications') }}
        columns={[
          { title: t('org.app.no'), dataIndex: 'applicationNo', render: (v: string, a) => <Link to={`/applications/${a.id}`}>{v}</Link> },
          { title: t('org.app.program'), dataIndex: 'programId', render: (v: string) => programName(v, lang) },
          { title: t('org.app.kind'), dataIndex: 'kind', render: (v: string, a) => kindName(a.programId, v, lang) },
          { title: t('org.app.received'), dataIndex: 'receivedDate', render: (v: string) => formatIsoDate(v, locale) },
          { title: t('org.app.status'), dataIndex: 'status', render: (v: string, a) => stateName(a.programId, a.kind, v, lang) },
        ]}
      />
      <Typography.Text strong>{t('org.certificates')}</Typography.Text>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={files === undefined}
        dataSource={[...(files?.certificates ?? [])]}
        locale={{ emptyText: t('org.noCertificates') }}
        columns={[
          { title: t('org.cert.no'), dataIndex: 'certificateNo' },
          { title: t('org.app.program'), dataIndex: 'programId', render: (v: string) => programName(v, lang) },
          { title: t('org.cert.level'), dataIndex: 'level', render: (v: string | undefined) => v ?? '—' },
          { title: t('org.cert.issuedOn'), dataIndex: 'issuedOn', render: (v: string) => formatIsoDate(v, locale) },
          { title: t('org.cert.validUntil'), dataIndex: 'validUntil', render: (v: string | undefined) => (v === undefined ? '—' : formatIsoDate(v, locale)) },
        ]}
      />
    </div>
  );
}
