/** 中文 / English, kept for the next start (stores/ui). Shown in the header and on the sign-in screen. */
import { Segmented } from 'antd';
import { useT } from '../i18n';
import type { Locale } from '../i18n/messages';
import { useUi } from '../stores/ui';

export function LanguageSwitch() {
  const locale = useUi((s) => s.locale);
  const setLocale = useUi((s) => s.setLocale);
  const t = useT();
  return (
    <Segmented<Locale>
      aria-label={t('header.language')}
      value={locale}
      onChange={setLocale}
      options={[
        { label: <span lang="zh-CN">中文</span>, value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
