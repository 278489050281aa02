/**
 * Continuing-education rows of the applicant (继续教育学时), as on the hours card: date, mode,
 * content, category, approved hours (whole or half). Above them, live, the engine's verdict
 * (`eligibility.findings` with codes `education…`): which year (or year of the cycle) and which
 * limit fails, by how much. Rows belong to the person: every application of the same applicant
 * sees them.
 */
import { Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { InputRef } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import type { EducationRecord } from '../../../../shared/model/records';
import { educationFromForm } from '../../../../shared/engine/facts';
import { UNCATEGORISED } from '../../../../shared/rules/education';
import { ValidationError } from '../../db/errors';
import { useRuleText, useT } from '../../i18n';
import { formatIsoDate } from '../../i18n/format';
import { addEducation, educationRequirementOf, formatHours, removeEducation, updateEducation, type EducationInput } from './education';
import { useUi } from '../../stores/ui';
import type { TabProps } from './types';
import { useFileAction } from './useFileAction';

interface RowValues {
  date: string;
  mode: string;
  content: string;
  category?: string;
  hours: string;
}

const EMPTY: RowValues = { date: '', mode: '', content: '', hours: '' };
const FIELD_NAMES: readonly (keyof RowValues)[] = ['date', 'mode', 'content', 'category', 'hours'];

export function EducationTab({ file, result }: TabProps) {
  const t = useT();
  const rule = useRuleText();
  const locale = useUi((s) => s.locale);
  const run = useFileAction();
  const [form] = Form.useForm<RowValues>();
  const [editing, setEditing] = useState<string | null>(null);
  const dateRef = useRef<InputRef>(null);
  const { pack, evaluation } = result;
  const requirement = educationRequirementOf(pack);
  const applicationId = file.application.id;

  const findings = evaluation.eligibility.findings.filter((f) => f.code === 'education' || f.code.startsWith('education.'));
  const failing = findings.filter((f) => !f.met);
  const calendarYears = pack.education?.window === 'calendar-years';

  // The hours typed on the form's own table count too (one fact: shared/engine/facts).
  const formRows = useMemo(
    () => educationFromForm(pack, file.application.fields).map((r) => ({ date: r.date, category: r.category, hoursTenths: Math.round(r.hours * 10) })),
    [pack, file.application.fields],
  );
  const formTotal = formRows.reduce((sum, r) => sum + r.hoursTenths, 0);
  const judgedYears = evaluation.education?.perYear.filter((y) => y.checked).map((y) => t('file.education.yearText', { year: y.year })) ?? [];

  /** Hours per calendar year and category, as typed: a reading aid beside the engine's verdict. */
  const perYear = useMemo(() => {
    const years = new Map<string, Map<string, number>>();
    for (const row of [...file.education, ...formRows]) {
      const year = row.date.slice(0, 4);
      const byCategory = years.get(year) ?? new Map<string, number>();
      const category = row.category || UNCATEGORISED;
      byCategory.set(category, (byCategory.get(category) ?? 0) + row.hoursTenths);
      years.set(year, byCategory);
    }
    return [...years.entries()].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  }, [file.education, formRows]);

  const submit = async (values: RowValues) => {
    const input: EducationInput = {
      date: values.date ?? '',
      mode: values.mode ?? '',
      content: values.content ?? '',
      hours: values.hours ?? '',
      ...(values.category === undefined ? {} : { category: values.category }),
    };
    const saved = await run(async () => {
      try {
        return await (editing === null ? addEducation(applicationId, input) : updateEducation(applicationId, editing, input));
      } catch (error) {
        // The field at fault says why, beside it; the message says it too. Nothing typed is cleared.
        if (error instanceof ValidationError) {
          const fields = error.issues.filter((i) => FIELD_NAMES.includes(i.path as keyof RowValues));
          form.setFields(fields.map((i) => ({ name: i.path as keyof RowValues, errors: [rule(i.message)] })));
        }
        throw error;
      }
    });
    if (saved !== undefined) {
      setEditing(null);
      form.resetFields();
      dateRef.current?.focus();
    }
  };

  const edit = (row: EducationRecord) => {
    setEditing(row.id);
    form.setFieldsValue({
      date: row.date,
      mode: row.mode,
      content: row.content,
      hours: formatHours(row.hoursTenths),
      ...(row.category === undefined ? {} : { category: row.category }),
    });
    dateRef.current?.focus();
  };

  const columns: ColumnsType<EducationRecord> = [
    { key: 'date', title: t('file.education.date'), width: 140, render: (_v, r) => formatIsoDate(r.date, locale) },
    { key: 'mode', title: t('file.education.mode'), width: 100, render: (_v, r) => (r.mode ? rule(r.mode) : '—') },
    { key: 'content', title: t('file.education.content'), render: (_v, r) => r.content },
    ...(requirement?.categories !== undefined || file.education.some((r) => r.category)
      ? [{ key: 'category', title: t('file.education.category'), width: 110, render: (_v: unknown, r: EducationRecord) => (r.category ? rule(r.category) : '—') }]
      : []),
    { key: 'hours', title: t('file.education.hours'), width: 80, align: 'right', render: (_v, r) => formatHours(r.hoursTenths) },
    {
      key: 'actions',
      title: t('file.education.actions'),
      width: 140,
      render: (_v, r) => (
        <Space size={4}>
          <Button size="small" onClick={() => edit(r)} aria-label={t('file.education.editRow', { date: r.date, content: r.content })}>
            {t('file.education.edit')}
          </Button>
          <Popconfirm title={t('file.education.deleteConfirm')} onConfirm={() => void run(() => removeEducation(r.id))} okText={t('file.education.delete')} cancelText={t('file.education.cancel')}>
            <Button size="small" danger aria-label={t('file.education.deleteRow', { date: r.date, content: r.content })}>
              {t('file.education.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const categories = requirement?.categories ?? [];
  const total = file.education.reduce((sum, r) => sum + r.hoursTenths, 0);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {findings.length === 0 ? (
        <Alert type="info" showIcon title={t('file.education.notJudged')} data-testid="education-verdict" />
      ) : failing.length === 0 ? (
        <Alert type="success" showIcon title={findings.map((f) => rule(f.message)).join(' ')} data-testid="education-verdict" />
      ) : (
        <Alert
          type="error"
          showIcon
          data-testid="education-verdict"
          title={t('file.education.failing', { count: failing.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {failing.map((f, i) => (
                <li key={`${f.code}-${i}`}>{rule(f.message)}</li>
              ))}
            </ul>
          }
        />
      )}
      {calendarYears && judgedYears.length > 0 && (
        <Typography.Text data-testid="education-years">{t('file.education.years', { years: judgedYears.join('、') })}</Typography.Text>
      )}
      {formRows.length > 0 && (
        <Alert type="info" showIcon data-testid="education-from-form" title={t('file.education.fromForm', { count: formRows.length, hours: formatHours(formTotal) })} />
      )}
      {pack.education && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('file.education.ruleLabel')}
          {/* The seed's own words: Chinese in either language. */}
          <span lang="zh-CN">{t('file.education.ruleSource', { cite: pack.education.cite, quote: pack.education.quote ?? '' })}</span>
        </Typography.Text>
      )}

      <Card size="small" title={editing === null ? t('file.education.addTitle') : t('file.education.editTitle')}>
        <Form<RowValues> form={form} layout="inline" initialValues={EMPTY} onFinish={(v) => void submit(v)}
          onValuesChange={(changed: Partial<RowValues>) =>
            form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof RowValues, errors: [] })))
          } style={{ rowGap: 8 }}>
          <Form.Item name="date" label={t('file.education.date')}>
            <Input ref={dateRef} placeholder="20250301" autoComplete="off" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="mode" label={t('file.education.mode')}>
            {requirement?.modes !== undefined ? (
              <Select style={{ width: 110 }} options={requirement.modes.map((m) => ({ value: m, label: m }))} />
            ) : (
              <Input style={{ width: 110 }} placeholder={t('file.education.modePlaceholder')} autoComplete="off" />
            )}
          </Form.Item>
          <Form.Item name="content" label={t('file.education.content')}>
            <Input autoComplete="off" style={{ width: 280 }} />
          </Form.Item>
          {categories.length > 0 && (
            <Form.Item name="category" label={t('file.education.category')}>
              <Select style={{ width: 120 }} options={categories.map((c) => ({ value: c, label: rule(c) }))} />
            </Form.Item>
          )}
          <Form.Item name="hours" label={t('file.education.hours')}>
            <Input style={{ width: 80 }} placeholder="2.5" autoComplete="off" />
          </Form.Item>
          <Form.Item>
            <Space size={4}>
              <Button type="primary" htmlType="submit">
                {editing === null ? t('file.education.add') : t('file.education.save')}
              </Button>
              {editing !== null && (
                <Button
                  onClick={() => {
                    setEditing(null);
                    form.resetFields();
                  }}
                >
                  {t('file.education.cancel')}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Form>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('file.education.hint')}
        </Typography.Text>
      </Card>

      <Table<EducationRecord>
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={[...file.education].reverse()}
        columns={columns}
        aria-label={t('file.tab.education')}
        footer={() => t('file.education.total', { count: file.education.length, hours: formatHours(total) })}
      />

      {calendarYears && perYear.length > 0 && (
        <Card size="small" title={t('file.education.perYear')}>
          <Table
            size="small"
            pagination={false}
            rowKey={([year]) => year}
            dataSource={perYear}
            columns={[
              { key: 'year', title: t('file.education.year'), render: (_v, [year]) => t('file.education.yearText', { year }) },
              ...[...categories, ...(perYear.some(([, m]) => m.has(UNCATEGORISED)) ? [UNCATEGORISED] : [])].map((c) => ({
                key: c,
                title: rule(c),
                align: 'right' as const,
                render: (_v: unknown, [, m]: [string, Map<string, number>]) => formatHours(m.get(c) ?? 0),
              })),
              {
                key: 'total',
                title: t('file.education.yearTotal'),
                align: 'right',
                render: (_v, [, m]) => formatHours([...m.values()].reduce((a, b) => a + b, 0)),
              },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('file.education.perYearHint')}
          </Typography.Text>
        </Card>
      )}
    </Space>
  );
}
