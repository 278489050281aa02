/**
 * UI strings of one area (access: a screen the signed-in role may not open). Chinese is the
 * reference; English must have every key (the type says so). Keys start with the area's prefix so
 * areas never collide.
 */
export const zh = {
  'access.denied.title': '无权打开此页面',
  'access.denied.body': '当前登录的角色（{role}）不能查看这里的内容，只有{who}可以查看。如确需使用，请联系管理员。',
  'access.denied.nobody': '未登录',
  'access.denied.back': '前往{area}',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'access.denied.title': 'You may not open this page',
  'access.denied.body': 'The role you are signed in with ({role}) cannot see what is here; only a user with the role {who} can. Ask an administrator if you need it.',
  'access.denied.nobody': 'not signed in',
  'access.denied.back': 'Go to {area}',
};
