/** A backup that cannot be made or restored, with a stable code and what to do in Chinese. Nothing was replaced. */
export class BackupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/**
 * The backup belongs to another office than the one this desk is enrolled in. Nothing was
 * replaced; the screen asks, then calls the restore again with `confirmOtherOffice`.
 */
export class OtherOfficeError extends BackupError {
  constructor(
    readonly backupOffice: { readonly officeName: string; readonly officeCode: string } | null,
    readonly currentOffice: { readonly officeName: string; readonly officeCode: string },
  ) {
    super(
      'backup.other-office',
      backupOffice === null
        ? `这份备份来自一台未登记到任何办事处的办事台，而本机登记在“${currentOffice.officeName}”（${currentOffice.officeCode}）。恢复后本机的全部数据将被替换。确定要恢复吗？`
        : `这份备份属于“${backupOffice.officeName}”（${backupOffice.officeCode}），而本机登记在“${currentOffice.officeName}”（${currentOffice.officeCode}）。恢复后本机的全部数据将被替换为另一个办事处的数据。确定要恢复吗？`,
    );
    this.name = 'OtherOfficeError';
  }
}
