/**
 * Building blocks for the packs' identity fields (shared/programs/schema `fields` and table
 * `columns`): the person's 身份证号码 and the organisation's 统一社会信用代码, each with its type
 * and validator written once. The pack gives where its seed asks for the field (`cite` and
 * `quote`, or a `basis` where the seed names the form but not its fields) and anything more.
 */
import type { z } from 'zod';
import type { tableColumnSchema } from './schema';

type FieldBase = z.input<typeof tableColumnSchema>;
/** What a pack adds: its seed's words, its kinds, help … never the id, label, type or validator. */
type FieldSource = Omit<FieldBase, 'id' | 'label' | 'type' | 'validator' | 'required' | 'kinds'> & Partial<Pick<FieldBase, 'kinds'>>;

/** 身份证号码: a person's identity key (GB 11643-1999), read and checked by the id-number rule. */
export function idNumberField(source: FieldSource): FieldBase {
  return { id: 'idNumber', label: { zh: '身份证号码', en: 'Resident ID number' }, type: 'id-number', validator: 'id-number', required: true, kinds: 'all', ...source };
}

/** 统一社会信用代码: an organisation's identity key (GB 32100-2015), checked by the credit-code rule. */
export function creditCodeField(source: FieldSource): FieldBase {
  return { id: 'creditCode', label: { zh: '统一社会信用代码', en: 'Unified social credit code' }, type: 'credit-code', validator: 'credit-code', required: true, kinds: 'all', ...source };
}
