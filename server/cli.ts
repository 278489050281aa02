/**
 * The administrator's commands (`npm run server -- <command>`), run against the same database
 * as the server. Every function writes to `out` so tests can read what a person would see.
 */
import { readFile } from 'node:fs/promises';
import { SyncError } from '../shared/sync/errors';
import { type Db } from './db';
import { AdminError, createOffice, DEFAULT_CODE_TTL_HOURS, findDevice, issueEnrolmentCode, listDevices, listOffices, releaseDevice, requireOffice, revokeDevice, rotateOfficeKey } from './offices';
import { importBatchFile } from './routes-sync';

export const USAGE = `用法 / usage: npm run server -- <命令>

  office create <名称> [--code <办事处代码>]   新建办事处（代码用于本机登记；不填则自动生成）
  offices                                     列出办事处
  enrol-code <办事处> [--hours <小时>]         生成一次性登记码（默认 ${DEFAULT_CODE_TTL_HOURS} 小时内有效）
  devices <办事处>                             列出该办事处的设备
  revoke <设备编号>                            停用设备（其令牌立即失效）
  release <设备编号> [--hours <小时>]          允许已登记的设备用新登记码重新登记（令牌丢失时；默认 72 小时内）
  rotate-key <办事处>                          更换办事处签名密钥（旧公钥保留以便核验旧结果）
  import <批次文件> [--office <办事处>]         导入离线批次文件（U 盘带来的同步数据；未登记的设备须指明办事处）

不带命令时启动服务器。<办事处> 可以是编号或代码。`;

export type Out = (line: string) => void;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined) throw new AdminError(`${name} 后面缺少值`);
  args.splice(i, 2);
  return value;
}

function need(value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '') throw new AdminError(`缺少${what}\n\n${USAGE}`);
  return value;
}

const when = (d: Date | null) => (d === null ? '—' : d.toISOString());

/** Runs one command; returns the process exit code (0 ok, 1 refused, 2 usage). */
export async function runCli(db: Db, argv: readonly string[], out: Out = console.log, err: Out = console.error): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  try {
    switch (command) {
      case 'office': {
        const sub = args.shift();
        if (sub !== 'create') throw new AdminError(USAGE);
        const code = option(args, '--code');
        const office = await createOffice(db, need(args.join(' '), '办事处名称'), code);
        out(`已新建办事处：${office.name}`);
        out(`  编号 id:   ${office.id}`);
        out(`  代码 code: ${office.code}`);
        return 0;
      }
      case 'offices': {
        for (const o of await listOffices(db)) out(`${o.id}  ${o.code}  ${o.name}`);
        return 0;
      }
      case 'enrol-code': {
        const hours = option(args, '--hours');
        const office = await requireOffice(db, need(args[0], '办事处'));
        const issued = await issueEnrolmentCode(db, office, hours === undefined ? undefined : Number(hours));
        out(`办事处：${office.name}（代码 ${office.code}）`);
        out(`一次性登记码：${issued.printed}`);
        out(`有效期至：${issued.expiresAt.toISOString()}（只能使用一次；请当面或电话告知，不要写在公开场合）`);
        return 0;
      }
      case 'devices': {
        const office = await requireOffice(db, need(args[0], '办事处'));
        const devices = await listDevices(db, office.id);
        out(`办事处：${office.name}（${devices.length} 台设备）`);
        for (const d of devices) {
          out(`${d.id}  ${d.revokedAt ? '已停用' : '正常'}  ${d.name}  版本 ${d.appVersion || '—'}  登记 ${when(d.enrolledAt)}  最近同步 ${when(d.lastSeenAt)}`);
        }
        return 0;
      }
      case 'revoke': {
        const deviceId = need(args[0], '设备编号');
        const changed = await revokeDevice(db, deviceId);
        out(changed ? `已停用设备 ${deviceId}：其令牌从现在起被拒绝。` : `设备 ${deviceId} 早已停用。`);
        return 0;
      }
      case 'release': {
        const hours = option(args, '--hours');
        const deviceId = need(args[0], '设备编号');
        const until = await releaseDevice(db, deviceId, hours === undefined ? undefined : Number(hours));
        out(`设备 ${deviceId} 可在 ${until.toISOString()} 之前用新的登记码重新登记（旧令牌在重新登记后失效）。`);
        return 0;
      }
      case 'rotate-key': {
        const office = await requireOffice(db, need(args[0], '办事处'));
        out(`办事处 ${office.name} 的新签名密钥：${await rotateOfficeKey(db, office.id)}`);
        return 0;
      }
      case 'import': {
        const officeArg = option(args, '--office');
        const file = need(args[0], '批次文件');
        let body: unknown;
        try {
          body = JSON.parse(await readFile(file, 'utf8'));
        } catch (error) {
          throw new AdminError(`无法读取批次文件 ${file}：${(error as Error).message}`);
        }
        const deviceId = typeof (body as { deviceId?: unknown })?.deviceId === 'string' ? (body as { deviceId: string }).deviceId : '';
        const device = await findDevice(db, deviceId);
        const office = officeArg === undefined ? undefined : await requireOffice(db, officeArg);
        if (device === undefined && office === undefined) {
          throw new AdminError(`批次文件来自未登记的设备（${deviceId.slice(0, 64) || '无设备编号'}）：请用 --office <办事处> 指明它属于哪个办事处。`);
        }
        const results = await importBatchFile(db, body, office?.id ?? device!.officeId, Date.now(), { importer: undefined });
        const applied = results.reduce((n, r) => n + r.applied.length, 0);
        const duplicates = results.reduce((n, r) => n + r.duplicates.length, 0);
        out(`已导入 ${results.length} 个批次：新增 ${applied} 条操作，${duplicates} 条此前已收到。`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        err(`不认识的命令：${command}\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof AdminError) {
      err(error.message);
      return 1;
    }
    if (error instanceof SyncError) {
      err(`${error.message}（${error.code}）${error.details === undefined ? '' : `\n${JSON.stringify(error.details).slice(0, 2000)}`}`);
      return 1;
    }
    throw error;
  }
}
