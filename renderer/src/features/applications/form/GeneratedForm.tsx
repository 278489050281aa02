/**
 * The application form generated from a pack: the fields of the kind, in the pack's (the paper
 * form's) order, shown when their visibleWhen holds, marked required when required or when
 * their requiredWhen holds, with the engine's field errors under them. Used for a new
 * application and on the application page's 申请表 tab.
 */
import { Form, Typography } from 'antd';
import { useMemo } from 'react';
import { fieldsFor, type FieldError } from '../../../../../shared/engine/fields';
import { withComputed } from '../../../../../shared/engine/tables';
import { valuesWithKind } from '../../../../../shared/programs/condition';
import type { ApplicationKindId, FieldDef, ProgramPack } from '../../../../../shared/programs/schema';
import { FieldInput } from './FieldInput';
import { RowUploads } from './RowUploads';
import { useRuleText, useT } from '../../../i18n';

export interface GeneratedFormProps {
  readonly pack: ProgramPack;
  readonly kind: ApplicationKindId;
  readonly values: Readonly<Record<string, unknown>>;
  readonly onChange: (fieldId: string, value: unknown) => void;
  readonly onCommit?: (fieldId: string) => void;
  /** The engine's errors for these values. */
  readonly errors: readonly FieldError[];
  /** Whether to show a field's errors yet (not while the clerk has not reached it). */
  readonly showErrors: (fieldId: string) => boolean;
  /** Messages from a refused save, per field. */
  readonly extraErrors?: Readonly<Record<string, readonly string[]>>;
  readonly lang: 'zh' | 'en';
  /** Prefix for DOM ids, so two forms on a page never share one. */
  readonly idPrefix: string;
  readonly disabled?: boolean;
  /** Fields whose value is derived from another place (shared/engine/facts): shown, not typed. */
  readonly derived?: ReadonlySet<string>;
}

/** Fields that take a whole row of the grid. */
const WIDE: ReadonlySet<string> = new Set(['textarea', 'table', 'endorsement']);

export function fieldDomId(prefix: string, fieldId: string): string {
  return `${prefix}-${fieldId}`;
}

export function GeneratedForm(props: GeneratedFormProps) {
  const { pack, kind, values, lang } = props;
  const t = useT();
  const rule = useRuleText();
  const defs = useMemo(() => fieldsFor(pack, kind), [pack, kind]);
  const source = valuesWithKind(values, kind);
  // The grey fields (持证人员总数, 三年项目总值) are worked out from what is typed, never stored.
  const shownValues = useMemo(() => withComputed(pack, kind as ApplicationKindId, values), [pack, kind, values]);

  const byField = useMemo(() => {
    const map = new Map<string, string[]>();
    const cells = new Map<string, string[]>();
    for (const e of props.errors) {
      const table = /^([^[]+)\[\d+\]\./.exec(e.field);
      const owner = table ? table[1]! : e.field;
      map.set(owner, [...(map.get(owner) ?? []), rule(e.message)]);
      if (table) cells.set(e.field, [...(cells.get(e.field) ?? []), rule(e.message)]);
    }
    return { map, cells };
  }, [props.errors, rule]);

  const visible = defs.filter((d) => d.visibleWhen === undefined || source.holds(d.visibleWhen));

  return (
    <Form layout="vertical" component="div" requiredMark>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 16 }}>
        {visible.map((def: FieldDef) => {
          const id = fieldDomId(props.idPrefix, def.id);
          const required = def.required || (def.requiredWhen !== undefined && source.holds(def.requiredWhen));
          const shown = props.showErrors(def.id) ? (byField.map.get(def.id) ?? []) : [];
          const messages = [...new Set([...shown, ...(props.extraErrors?.[def.id] ?? [])])];
          const isDerived = props.derived?.has(def.id) === true;
          const help = isDerived ? t('form.field.derived') : def.help?.[lang];
          return (
            <Form.Item
              key={def.id}
              label={def.label[lang]}
              htmlFor={id}
              required={required && !def.computed}
              validateStatus={messages.length > 0 ? 'error' : undefined}
              help={
                messages.length > 0 ? (
                  <div role="alert" data-field-error={def.id}>
                    {messages.map((m, i) => (
                      <div key={i}>{m}</div>
                    ))}
                  </div>
                ) : help !== undefined ? (
                  <Typography.Text type="secondary">{help}</Typography.Text>
                ) : undefined
              }
              style={WIDE.has(def.type) ? { gridColumn: '1 / -1', marginBottom: 16 } : { marginBottom: 16 }}
            >
              <FieldInput
                def={def}
                value={def.computed ? shownValues[def.id] : values[def.id]}
                id={id}
                lang={lang}
                invalid={messages.length > 0}
                disabled={(props.disabled ?? false) || isDerived}
                cellErrors={props.showErrors(def.id) ? byField.cells : undefined}
                onChange={(v) => props.onChange(def.id, v)}
                onCommit={() => props.onCommit?.(def.id)}
              />
            </Form.Item>
          );
        })}
      </div>
      <RowUploads pack={pack} kind={kind} values={values} lang={lang} />
    </Form>
  );
}
