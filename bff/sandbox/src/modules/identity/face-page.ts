// The H5 page the real face service would show: here two buttons decide the outcome.
import { maskIdNumber, maskName } from '../../../../src/rules/masking';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function facePage(session: {
  token: string;
  status: string;
  name: string;
  idNumber: string;
  expiresAt: string;
}): string {
  const pending = session.status === 'PENDING';
  const statusText: Record<string, string> = { PENDING: '待核验', PASS: '已通过', FAIL: '未通过', EXPIRED: '已超时' };
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>人脸核身（模拟）</title>
<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:24px;background:#f5f6f7;color:#1f2329}
main{max-width:420px;margin:0 auto;background:#fff;border-radius:12px;padding:24px}
h1{font-size:22px;margin:0 0 16px}p{font-size:17px;line-height:1.6}
.face{width:160px;height:160px;border-radius:50%;border:4px solid #07c160;margin:16px auto;display:flex;align-items:center;justify-content:center;font-size:56px}
button{display:block;width:100%;font-size:19px;padding:14px;border:0;border-radius:8px;margin-top:12px;cursor:pointer}
#pass{background:#07c160;color:#fff}#fail{background:#fa5151;color:#fff}#result{font-weight:bold}
</style></head>
<body><main>
<h1>人脸核身（沙箱模拟）</h1>
<p>姓名：${escape(maskName(session.name))}<br>身份证号：${escape(maskIdNumber(session.idNumber))}</p>
<div class="face" aria-hidden="true">🙂</div>
<p>状态：<span id="result" role="status">${statusText[session.status] ?? escape(session.status)}</span></p>
${pending ? '<button id="pass" type="button">通过</button><button id="fail" type="button">不通过</button>' : ''}
</main>
<script>
const token = ${JSON.stringify(session.token)};
const labels = ${JSON.stringify(statusText)};
async function finish(result) {
  const response = await fetch('/sandbox/face/' + encodeURIComponent(token) + '/complete', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ result })
  });
  const body = await response.json();
  document.getElementById('result').textContent = response.ok ? labels[body.status] : body.error.message;
  document.querySelectorAll('button').forEach((b) => b.remove());
}
document.getElementById('pass')?.addEventListener('click', () => finish('pass'));
document.getElementById('fail')?.addEventListener('click', () => finish('fail'));
</script></body></html>`;
}
