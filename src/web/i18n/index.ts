// zh-CN first, English second. The choice is remembered in localStorage; antd and dayjs follow it.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN from './zh-CN.ts';
import en from './en.ts';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'siyi.lang';

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (languages as readonly string[]).includes(saved)) return saved as Language;
  } catch {
    // storage can be unavailable (private mode); fall back to Chinese
  }
  return 'zh-CN';
}

const initial = storedLanguage();
dayjs.locale(initial === 'zh-CN' ? 'zh-cn' : 'en');
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lang: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not remembered, but still switched
  }
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
