// What a tester does with the sandbox beside the product: pick a demo person, read the SMS
// code the platform sent, finish a face check the way the face service calls back.
import { json, type Stack } from './stack';

export interface Persona {
  key: string;
  label: string;
  name: string;
  idNumber: string;
  mobile: string;
  wechatOpenid: string;
  status: string;
}

export async function persona(stack: Stack, key: string): Promise<Persona> {
  const { body } = await json<{ residents: Persona[] }>(`${stack.sandboxUrl}/sandbox/personas`);
  const found = body.residents.find((r) => r.key === key);
  if (!found) throw new Error(`no persona ${key}`);
  return found;
}

/** The newest SMS code sent to a mobile, waiting briefly for it to arrive. */
export async function latestSmsCode(stack: Stack, mobile: string, after = 0): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { body } = await json<{ messages: { code?: string; createdAt: string }[] }>(
      `${stack.sandboxUrl}/sandbox/sms/outbox?mobile=${mobile}`,
    );
    const message = body.messages.find((m) => m.code && Date.parse(m.createdAt) >= after);
    if (message?.code) return message.code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no SMS code for ${mobile}`);
}

export async function completeFaceCheck(stack: Stack, token: string, result: 'pass' | 'fail'): Promise<void> {
  const { status } = await json(`${stack.sandboxUrl}/sandbox/face/${token}/complete`, {
    method: 'POST',
    body: JSON.stringify({ result }),
  });
  if (status !== 200) throw new Error(`face completion answered ${status}`);
}
