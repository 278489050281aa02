/**
 * What each program imports, read from its pack: the kinds offered, the columns with their
 * headers, and the pack schema refusing an import that names what the pack does not have.
 */
import { describe, expect, it } from 'vitest';
import { importKindsOf, importSpecFor } from '../../../shared/import';
import { getPack } from '../../../shared/programs';
import { loadPack, type ProgramPack } from '../../../shared/programs/schema';
import { specOf } from './helpers';

const pack = (id: string): ProgramPack => getPack(id) as ProgramPack;

describe('the kinds of file each program imports', () => {
  it.each([
    ['xj-isi-pm', ['applicants']],
    ['xj-isi-spm', ['applicants']],
    // An enterprise is the applicant: no applicant list, but its staff's certificates (001 （二）1 2)).
    ['xj-si-annual', ['certificate-holders']],
    ['zj-it-senior', ['applicants', 'roster']],
    ['rk-registration', ['applicants', 'talent-register']],
    ['iets', []],
  ])('%s: %j', (id, kinds) => {
    expect(importKindsOf(pack(id))).toEqual(kinds);
  });

  it('a kind the program does not have is refused', () => {
    const r = importSpecFor(pack('iets'), 'roster');
    expect(r.ok ? '' : r.error.code).toBe('import.kind');
  });
});

describe('the columns of a spec', () => {
  it('P4 花名册: identity columns required, the form’s required fields warned, 单位考核 per year, headers from the pack and the shared synonyms', () => {
    const spec = specOf('zj-it-senior', 'roster');
    expect(spec.creates).toBe('applications');
    expect(spec.initialStatus).toBe('received');
    expect(spec.person).toEqual({ name: 'name', idNumber: 'idNumber' });
    const col = (key: string) => spec.columns.find((c) => c.key === key)!;
    expect(col('idNumber')).toMatchObject({ type: 'id-number', required: 'always', stored: 'field' });
    expect(col('idNumber').headers).toEqual(expect.arrayContaining(['身份证号码', '公民身份号码', '身份证号']));
    expect(col('specialty')).toMatchObject({ type: 'enum', required: 'form', options: ['技术开发', '应用电子', '信息安全', '系统集成'] });
    expect(col('unitNature').values).toEqual({ 其他类企业: '其它类企业', 其他企业: '其它类企业' });
    expect(col('unitNature').remarks).toEqual({ 其它类企业: { field: 'remarks', label: '备注' } });
    expect(col('annualAssessments')).toMatchObject({ type: 'per-year', perYear: { yearColumn: 'year', resultColumn: 'result' } });
    expect(col('sex')).toMatchObject({ type: 'sex', stored: 'own' });
    expect(col('highestEducation').headers).toEqual(['学历', '最高学历']);
  });

  it('applicants (any person program): one column per field a cell can hold; no photo, signature or table', () => {
    const spec = specOf('rk-registration', 'applicants');
    const keys = spec.columns.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['name', 'sex', 'birthMonth', 'idNumber', 'certificateNo', 'obtainedOn', 'phone', 'postalCode']));
    expect(keys).not.toContain('photo');
    expect(keys).not.toContain('signature');
    expect(keys).not.toContain('continuingEducation');
    expect(spec.person).toEqual({ name: 'name', idNumber: 'idNumber', phone: 'phone' });
  });

  it('P5 人才库: certificates with a validity of three years (003 47号 三); 取得时间 may be a month', () => {
    const spec = specOf('rk-registration', 'talent-register');
    expect(spec.creates).toBe('certificates');
    expect(spec.validityYears).toBe(3);
    expect(spec.keyColumns).toEqual(['name', 'idNumber', 'certificateNo']);
    expect(spec.columns.find((c) => c.key === 'obtainedOn')?.type).toBe('date-or-month');
  });
});

describe('the pack schema checks imports', () => {
  const broken = (mutate: (imports: NonNullable<ProgramPack['imports']>) => void): string => {
    const copy = structuredClone(pack('zj-it-senior'));
    mutate(copy.imports!);
    const r = loadPack(copy);
    return r.ok ? '' : r.error.message;
  };

  it.each<[string, (i: NonNullable<ProgramPack['imports']>) => void, string]>([
    ['a target that is no field', (i) => i[0]!.columns.push({ target: 'shoeSize' }), '导入“《推荐高级工程师职务任职资格人员花名册》”的列“shoeSize”不是字段'],
    ['a spelling mapped to no option', (i) => (i[0]!.columns.find((c) => c.target === 'unitNature')!.values = { 民营企业: '民营企业' }), '把“民营企业”当作选项“民营企业”，但该字段没有这个选项'],
    ['per year on a field that is no table', (i) => (i[0]!.columns.find((c) => c.target === 'selfScore')!.perYear = { yearColumn: 'year', resultColumn: 'result' }), '按年度分列，须是含年度列和结果列的表格'],
    ['table rows without a table', (i) => (i[0]!.creates = 'table-rows'), '只有 table-rows 须指定表格（table），且必须指定'],
    ['an undeclared application kind', (i) => (i[0]!.applicationKind = 'renewal'), '办理类型“renewal”未在本程序中声明'],
  ])('%s', (_, mutate, words) => {
    expect(broken(mutate)).toContain(words);
  });
});
