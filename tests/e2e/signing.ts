/** The office's signing settings, set up as an administrator does on the open 签名与单位 tab. */
import { expect, type Page } from '@playwright/test';

/** Names the office, generates the signing key and saves: certificates and rosters can be signed. */
export async function setUpSigning(page: Page, officeName: string): Promise<void> {
  await page.getByLabel('单位名称（印在回执、通知和名册上）').fill(officeName);
  await page.getByLabel('查验地址（主机名）').fill('verify.example.org.cn');
  await page.getByTestId('signing-generate').click();
  await expect(page.getByText('公钥（请交管理员在查验服务器上公布）')).toBeVisible();
  await page.getByTestId('signing-save').click();
  await expect(page.getByText('签名设置已保存')).toBeVisible();
}
